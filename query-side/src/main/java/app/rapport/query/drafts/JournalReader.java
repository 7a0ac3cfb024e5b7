package app.rapport.query.drafts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.rapport.events.contact.ContactErased;
import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.ProfileSet;
import app.rapport.query.support.AmendedHistory;
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.QueryNotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of a draft straight from the event store, which is always current, so a draft
 * needs no read model and no {@code consistentWith}: the contact's stream as it reads with its
 * corrections, the referrer's for their name, and the networker's own for the profile. A stream
 * holds tens of events.
 */
@Component
class JournalReader {

    private final EventStore eventStore;

    JournalReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The contact as a draft needs it.
     *
     * @throws QueryNotFoundException for no such contact, or someone else's
     */
    ContactFacts contact(String ownerId, UUID contactId) {
        ContactFacts contact = ContactFacts.of(contactId, history(ownerId, contactId)
                .orElseThrow(() -> new QueryNotFoundException("No contact " + contactId + ".")));
        if (contact.referredBy() == null) {
            return contact;
        }
        return history(ownerId, contact.referredBy()).flatMap(ContactFacts::nameOf)
                .map(contact::withReferrerName).orElse(contact);
    }

    /** The networker's latest profile, if they ever set one. */
    Optional<Profile> profile(String ownerId) {
        Profile profile = null;
        var stream = eventStore.readEvents(ownerId, 0);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof ProfileSet set && ownerId.equals(set.networkerId())) {
                profile = new Profile(set.displayName(), set.school(), set.program(), set.interests());
            } else if (event instanceof AccountErased) {
                profile = null;  // its words read as erased: there is no profile to write from
            }
        }
        return Optional.ofNullable(profile);
    }

    /**
     * The contact's events as they read now, or empty when the contact is not this owner's or was
     * forgotten: a forgotten contact is no one to write to, and its words read as erased.
     */
    private Optional<List<Object>> history(String ownerId, UUID contactId) {
        // from sequence 0: the store would otherwise start from a snapshot, which this fold cannot read
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(contactId.toString(), 0).asStream()
                .toList();
        boolean owned = !stream.isEmpty() && EventSubject.of(stream.get(0).getPayload())
                .map(subject -> ownerId.equals(subject.ownerId()) && contactId.equals(subject.contactId()))
                .orElse(false);
        if (!owned || stream.stream().anyMatch(event -> event.getPayload() instanceof ContactErased)) {
            return Optional.empty();
        }
        return Optional.of(AmendedHistory.of(stream).stream().<Object>map(Message::getPayload).toList());
    }
}

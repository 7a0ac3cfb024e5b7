package app.rapport.query.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import app.rapport.events.JournalEvent;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.platform.axon.EventStoreTables;
import app.rapport.platform.privacy.Erasures;
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.PersonalData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event of every journal, with the acting user and correlation id from its metadata and
 * its payload as the serializer reads it. Keyed by event identifier: a redelivered event is
 * already there. Once a contact or an account is erased, its personal data reads as erased in
 * every entry, as the store reads it: the entries stay, since the history is the product.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
class AuditProjection {

    static final String GROUP = "audit";

    private final JdbcTemplate jdbc;
    private final String storedEvents;
    private final Erasures erasures;

    AuditProjection(JdbcTemplate jdbc, EventStoreTables eventStore, Erasures erasures) {
        this.jdbc = jdbc;
        this.storedEvents = eventStore.storedEvents();
        this.erasures = erasures;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!(payload instanceof JournalEvent event)) {
            return;
        }
        EventSubject subject = EventSubject.of(event).orElse(null);
        if (subject == null) {
            return;
        }
        Instant happened = event.at();
        AuditBatch batch = AuditBatch.of(this, jdbc, storedEvents);
        batch.add(message.getIdentifier(), subject, happened == null ? null : micros(happened),
                micros(message.getTimestamp()), filed(payload), message.getMetaData());
        if (payload instanceof ContactErased erased) {
            batch.contactErased(erased.ownerId(), erased.contactId());
        } else if (payload instanceof AccountErased erased) {
            batch.networkerErased(erased.networkerId());
        }
    }

    /**
     * The payload as the audit keeps it: a webhook's signing secret is shown once, when it is made,
     * and never again — not to a mentor reading the audit, not in an export of the journal; a
     * referral names a contact erased since as erased.
     */
    private Object filed(Object payload) {
        if (payload instanceof WebhookRegistered registered) {
            return new WebhookRegistered(registered.networkerId(), registered.name(), registered.url(),
                    registered.events(), null, registered.at());
        }
        // the referred contact's erasure, on another segment's thread, may have been filed first
        // and found this entry not yet written
        if (payload instanceof ReferralReceived referral && erasures.isContactErased(referral.referredContactId())) {
            return PersonalData.erased(payload, referral.referredContactId()::equals);
        }
        return payload;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

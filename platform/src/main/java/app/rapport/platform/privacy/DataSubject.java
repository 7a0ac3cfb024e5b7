package app.rapport.platform.privacy;

import java.util.UUID;

import app.rapport.events.ContactEvent;
import app.rapport.events.JournalEvent;
import app.rapport.events.NetworkerEvent;

/**
 * Whose personal data a value is, and in whose journal: the key that encrypts it is the
 * subject's, and the owner is kept beside the key so an account's keys can be found together.
 *
 * @param name {@code contact:<uuid>} or {@code networker:<username>}, as in {@code subject_key}
 * @param ownerId the networker whose journal holds the data (for a networker, themself)
 */
public record DataSubject(String name, String ownerId) {

    static final String CONTACT = "contact:";
    static final String NETWORKER = "networker:";

    public DataSubject {
        if (name == null || ownerId == null) {
            throw new IllegalArgumentException("A data subject needs a name and an owner, got " + name + " of " + ownerId);
        }
    }

    public static DataSubject contact(UUID contactId, String ownerId) {
        return new DataSubject(contactName(contactId), ownerId);
    }

    public static DataSubject networker(String networkerId) {
        return new DataSubject(networkerName(networkerId), networkerId);
    }

    public static String contactName(UUID contactId) {
        if (contactId == null) {
            throw new IllegalArgumentException("A contact subject needs the contact's id");
        }
        return CONTACT + contactId;
    }

    public static String networkerName(String networkerId) {
        if (networkerId == null || networkerId.isEmpty()) {
            throw new IllegalArgumentException("A networker subject needs the networker's username");
        }
        return NETWORKER + networkerId;
    }

    /** The event's own subject: the contact of a contact event, the networker of a networker event. */
    static DataSubject of(JournalEvent event) {
        if (event instanceof ContactEvent contactEvent) {
            return contact(contactEvent.contactId(), contactEvent.ownerId());
        }
        if (event instanceof NetworkerEvent networkerEvent) {
            return networker(networkerEvent.networkerId());
        }
        throw new IllegalArgumentException(event.getClass().getName() + " is neither a contact's nor a networker's event");
    }

    /** The journal's owner of an event, whoever a component of it names. */
    static String ownerOf(JournalEvent event) {
        return of(event).ownerId();
    }

    /** The contact a subject name names, or null for a networker's. */
    static UUID contactIdIn(String name) {
        return name.startsWith(CONTACT) ? UUID.fromString(name.substring(CONTACT.length())) : null;
    }
}

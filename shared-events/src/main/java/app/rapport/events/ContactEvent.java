package app.rapport.events;

import java.util.UUID;

/** A fact about one of the networker's contacts, filed under that contact in the owner's journal. */
public interface ContactEvent extends JournalEvent {

    /** The username of the networker whose journal this is. */
    String ownerId();

    /** The contact it is about; for a referral, the contact who made it. */
    UUID contactId();
}

package app.rapport.events;

import java.time.Instant;

/** A fact recorded in one networker's journal: either a {@link ContactEvent} or a {@link NetworkerEvent}. */
public interface JournalEvent {

    // Only the records' own components are declared here and below, so implementing these types
    // adds nothing to the stored JSON; a default method named like a getter would add a property.

    /** When it happened as the networker tells it; when it was recorded is the message's timestamp. */
    Instant at();
}

package app.rapport.query.support;

import java.util.List;
import java.util.UUID;

/**
 * Which contacts an owner has: the streams {@link JournalAsOf} reads for the owner's whole journal.
 * The event store cannot say (the owner is in each event's payload, not in a column), so a read
 * model that lists every contact ever added answers, and {@code consistentWith} waits for it.
 */
public interface OwnerContacts {

    /** Every contact the owner has added, archived ones too, as far as the processing group has come. */
    List<UUID> contactsOf(String ownerId);

    /** The processing group whose progress {@code consistentWith} waits for before asking. */
    String processingGroup();
}

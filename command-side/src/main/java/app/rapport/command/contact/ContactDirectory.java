package app.rapport.command.contact;

import java.util.UUID;

/**
 * Whether a contact is in a networker's journal, for a command on one contact that names another
 * ({@code LinkReferral}). An aggregate sees only its own stream, so it asks this, resolved by Axon
 * like the {@link java.time.Clock}.
 */
@FunctionalInterface
public interface ContactDirectory {

    /** True when {@code contactId} was added to the journal of {@code ownerId}; false for someone else's or none. */
    boolean holds(String ownerId, UUID contactId);
}

package app.rapport.query.support;

import java.util.Optional;
import java.util.UUID;

/**
 * What a re-derivation needs of a projection's batch: its row of the contact, which knows the last
 * sequence number applied to it, and a way to forget the contact's rows so that its history can be
 * folded again from nothing.
 *
 * @param <C> the batch's row of a contact
 */
public interface RederivedContacts<C extends RederivedContacts.ContactRow<C>> {

    Optional<C> contact(String ownerId, UUID contactId);

    /** Drops the contact's rows, as read and as changed so far; the stored ones are deleted when the batch writes. */
    void forget(EventSubject contact);

    void changed(C contact);

    /** A contact's row that keeps the last sequence number applied to it, so that nothing is applied twice. */
    interface ContactRow<C> {

        boolean alreadyApplied(long sequence);

        C applied(long sequence);
    }
}

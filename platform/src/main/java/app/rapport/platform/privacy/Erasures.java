package app.rapport.platform.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The keys' side of erasure: deleting a data subject's key makes every personal field of theirs in
 * the event store unreadable (crypto-shredding), and the list of erased subjects says which
 * erasures a restore of an older backup must apply again.
 * <p>
 * With the keys beside the events (the default) these run in the caller's transaction, so the
 * key goes with the event that records the erasure, or neither does.
 */
public interface Erasures {

    /** Deletes the contact's key and lists the contact as erased; erasing twice changes nothing. */
    void eraseContact(UUID contactId, String ownerId, Instant at);

    /** Deletes the networker's key (profile, mentor usernames, erasure reasons) and lists them as erased. */
    void eraseNetworker(String networkerId, Instant at);

    boolean isContactErased(UUID contactId);

    boolean isNetworkerErased(String networkerId);

    /** Every erasure listed, oldest first: what a restore of an older backup applies again. */
    List<ErasedSubject> erased();

    /**
     * One listed erasure.
     *
     * @param contactId the contact erased, or null when it is a networker's own key
     * @param ownerId the networker whose journal it was, or who was erased
     */
    record ErasedSubject(UUID contactId, String ownerId, Instant erasedAt) {
    }
}

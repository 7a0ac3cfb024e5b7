package app.rapport.command.erasure;

/**
 * What {@code DELETE /api/account} answers.
 *
 * @param contactsErased the caller's contacts this erasure erased
 * @param contactsAlreadyErased those erased before it (each on its own, or by an earlier account erasure)
 * @param version the networker's version once erased, as other command answers give it
 * @param position the global index of the account's erasure, for {@code consistentWith} on queries
 */
public record AccountErasureAnswer(
        String username,
        int contactsErased,
        int contactsAlreadyErased,
        long version,
        long position) {
}

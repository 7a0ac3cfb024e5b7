package app.rapport.query.mentors;

import app.rapport.platform.identity.CurrentUser;
import app.rapport.query.support.QueryNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whose journal a query reads: the caller's own, or a mentee's named
 * by {@code owner=} while the mentee's grant to the caller stands. Anything else is "not found",
 * never "forbidden", so a journal's existence cannot be probed.
 */
@Component
public class MenteeAccess {

    private final CurrentUser currentUser;
    private final MentorGrantRepository grants;

    MenteeAccess(CurrentUser currentUser, MentorGrantRepository grants) {
        this.currentUser = currentUser;
        this.grants = grants;
    }

    /** The owner id to read, given the optional {@code owner} request parameter. */
    public String ownerToRead(String owner) {
        String caller = currentUser.username();
        if (owner == null || owner.isBlank() || owner.equals(caller)) {
            return caller;
        }
        if (grants.existsByNetworkerIdAndMentorAndActiveTrue(owner, caller)) {
            return owner;
        }
        throw new QueryNotFoundException("No journal '" + owner + "' is shared with you.");
    }
}

package app.rapport.query.mentors;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import app.rapport.platform.identity.CurrentUser;
import app.rapport.platform.privacy.Erasures;
import app.rapport.query.support.QueryNotFoundException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whose journal a query reads: the caller's own, or a mentee's named
 * by {@code owner=} while the mentee's grant to the caller stands. Anything else is "not found",
 * never "forbidden", so a journal's existence cannot be probed.
 *
 * <p>Whether a grant stands is read from the mentee's own event stream, not from the mentor
 * read model: a revocation must close the journal as soon as it is answered, on every query-side
 * instance, whatever the projections' lag. The stream holds a profile and a few grants. An erased
 * account shares nothing from the moment its erasure is answered: the key store says so before its
 * {@code AccountErased} is even read (a grant's mentor, encrypted with the account's key, may still
 * read from a key cached on this instance for a few seconds), and the event ends every grant.
 */
@Component
public class MenteeAccess {

    private final CurrentUser currentUser;
    private final EventStore eventStore;
    private final Erasures erasures;

    MenteeAccess(CurrentUser currentUser, EventStore eventStore, Erasures erasures) {
        this.currentUser = currentUser;
        this.eventStore = eventStore;
        this.erasures = erasures;
    }

    /** The owner id to read, given the optional {@code owner} request parameter. */
    public String ownerToRead(String owner) {
        String caller = currentUser.username();
        if (owner == null || owner.isBlank() || owner.equals(caller)) {
            return caller;
        }
        if (grantStands(owner, caller)) {
            return owner;
        }
        throw new QueryNotFoundException("No journal '" + owner + "' is shared with you.");
    }

    private boolean grantStands(String mentee, String mentor) {
        if (erasures.isNetworkerErased(mentee)) {
            return false;
        }
        boolean granted = false;
        var stream = eventStore.readEvents(mentee);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof MentorAccessGranted grant && grant.mentor().equals(mentor)) {
                granted = true;
            } else if (event instanceof MentorAccessRevoked revoke && revoke.mentor().equals(mentor)) {
                granted = false;
            } else if (event instanceof AccountErased) {
                return false;
            }
        }
        return granted;
    }
}

package app.rapport.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

/**
 * Test data for commitments, appended to a contact's stream as the command side records them: a
 * follow-up that keeps promises is its {@code FollowUpLogged} and one {@code CommitmentKept} each.
 */
public final class Promises {

    private Promises() {
    }

    /** A promise made at {@code at}, due by {@code dueBy} (or never, for null), in an interview or none. */
    public static UUID make(Journal.ContactStream contact, String promise, UUID interview, Instant dueBy, Instant at) {
        UUID commitment = UUID.randomUUID();
        contact.append(new CommitmentMade(contact.id, contact.owner(), commitment, interview, promise, dueBy, at), at);
        return commitment;
    }

    /** Kept on its own. */
    public static Journal.ContactStream keep(Journal.ContactStream contact, UUID commitment, String note, Instant at) {
        return contact.append(new CommitmentKept(contact.id, contact.owner(), commitment, null, note, at), at);
    }

    public static Journal.ContactStream drop(Journal.ContactStream contact, UUID commitment, String reason,
                                             Instant at) {
        return contact.append(new CommitmentDropped(contact.id, contact.owner(), commitment, reason, at), at);
    }

    /** A follow-up that keeps these promises; answers the follow-up's id. */
    public static UUID followUpKeeping(Journal.ContactStream contact, Instant at, UUID... commitments) {
        UUID followUp = UUID.randomUUID();
        contact.append(new FollowUpLogged(contact.id, contact.owner(), followUp, FollowUpKind.ADVICE_TAKEN,
                Channel.EMAIL, "here is the article", at, List.of(commitments)), at);
        for (UUID commitment : commitments) {
            contact.append(new CommitmentKept(contact.id, contact.owner(), commitment, followUp, null, at), at);
        }
        return followUp;
    }
}

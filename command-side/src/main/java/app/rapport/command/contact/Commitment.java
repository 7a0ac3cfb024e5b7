package app.rapport.command.contact;

import app.rapport.command.RuleViolation;
import app.rapport.commands.commitment.MakeCommitment;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A promise made to a contact, as much of it as the contact needs to decide: what was promised
 * (to recognise a retry), when (no keep or drop is dated before it), and whether it is still
 * open, or was kept or dropped, when and how (to recognise a repeated keep or drop).
 *
 * @param keptBy the follow-up that kept it; null when kept on its own, or not kept
 * @param closingNote the keep's note or the drop's reason
 */
record Commitment(UUID commitmentId, UUID interviewId, String promise, Instant dueBy, Instant madeAt,
                  CommitmentStatus status, Instant closedAt, UUID keptBy, String closingNote) {

    static Commitment made(CommitmentMade event) {
        return new Commitment(event.commitmentId(), event.interviewId(), event.promise(), event.dueBy(), event.at(),
                CommitmentStatus.OPEN, null, null, null);
    }

    Commitment keptBy(CommitmentKept event) {
        return new Commitment(commitmentId, interviewId, promise, dueBy, madeAt, CommitmentStatus.KEPT, event.at(),
                event.followUpId(), event.note());
    }

    Commitment droppedBy(CommitmentDropped event) {
        return new Commitment(commitmentId, interviewId, promise, dueBy, madeAt, CommitmentStatus.DROPPED,
                event.at(), null, event.reason());
    }

    boolean isOpen() {
        return status == CommitmentStatus.OPEN;
    }

    /** The same promise asked again under its id: when it was made is not compared, as for follow-ups. */
    boolean isRetryOf(MakeCommitment command) {
        return Objects.equals(interviewId, command.interviewId())
                && Objects.equals(promise, command.promise())
                && Objects.equals(dueBy, command.dueBy());
    }

    /** Kept on its own with this note already: a repeated keep, answered as the first. */
    boolean wasKeptAloneWith(String note) {
        return status == CommitmentStatus.KEPT && keptBy == null && Objects.equals(closingNote, note);
    }

    /** Dropped for this reason already: a repeated drop, answered as the first. */
    boolean wasDroppedFor(String reason) {
        return status == CommitmentStatus.DROPPED && Objects.equals(closingNote, reason);
    }

    /** Only an open promise can be kept or dropped; the refusal says how this one was closed. */
    void requireOpen(String asked) {
        if (!isOpen()) {
            throw new RuleViolation("commitment-not-open",
                    "Cannot %s: it is %s (%s%s); only an OPEN commitment can be kept or dropped."
                            .formatted(asked, status, closedAt,
                                    keptBy == null ? "" : ", by follow-up " + keptBy));
        }
    }

    /** Nothing done about a promise is dated before it was made. */
    void requireNotBeforeMade(Instant at, String what, String asked) {
        if (at.isBefore(madeAt)) {
            throw new RuleViolation("before-previous-step",
                    "Cannot %s: the %s (%s) would come before the commitment was made (%s); no step is dated before the step it follows."
                            .formatted(asked, what, at, madeAt));
        }
    }

    /** A promise is not due before it was made. */
    static void requireDueNotBeforeMade(MakeCommitment command, String asked) {
        if (command.dueBy() != null && command.dueBy().isBefore(command.at())) {
            throw new RuleViolation("due-before-made",
                    "Cannot %s due by %s: that is before it is made (%s); a commitment is due at or after it is made."
                            .formatted(asked, command.dueBy(), command.at()));
        }
    }

    /** The refusal for a follow-up that names what is not an open commitment of its contact. */
    static RuleViolation notOpenToKeep(String asked, UUID commitmentId, Commitment commitment) {
        String state = commitment == null ? "which is not one of this contact's commitments"
                : "which is %s (%s)".formatted(commitment.status(), commitment.closedAt());
        return new RuleViolation("commitment-not-open",
                "Cannot %s: it keeps commitment %s, %s; a follow-up keeps OPEN commitments of its contact."
                        .formatted(asked, commitmentId, state));
    }
}

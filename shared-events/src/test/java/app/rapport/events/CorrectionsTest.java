package app.rapport.events;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;
import app.rapport.values.InterviewChecklist;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CorrectionsTest {

    private static final UUID CONTACT = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000001");
    private static final UUID INTERVIEW = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000003");
    private static final Instant AT = Instant.parse("2026-03-04T15:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-04T17:30:00Z");
    private static final InterviewHeld HELD = new InterviewHeld(CONTACT, "ada", INTERVIEW, 25, 40, "long talk",
            new InterviewChecklist(true, true, true, true), AT);

    private static EntryChanges changes(Instant at, Instant heldAt, Integer minutes, String note, String notes,
                                        Channel channel) {
        return new EntryChanges(at, heldAt, minutes, note, notes, channel);
    }

    @Test
    void heldInterview_takesCorrectedTimeMinutesAndNotes_andKeepsTheRest() {
        assertThat(Corrections.applied(HELD, changes(null, LATER, 25, null, "shorter than I noted", null)))
                .contains(new InterviewHeld(CONTACT, "ada", INTERVIEW, 25, 25, "shorter than I noted",
                        HELD.checklist(), LATER));
    }

    @Test
    void heldInterview_acceptsAtAsItsHeldAt_butNotTwoDifferentTimes() {
        assertThat(Corrections.applied(HELD, changes(LATER, null, null, null, null, null)))
                .hasValueSatisfying(corrected -> assertThat(((InterviewHeld) corrected).at()).isEqualTo(LATER));
        assertThat(Corrections.applied(HELD, changes(LATER, AT, null, null, null, null))).isEmpty();
    }

    @Test
    void aFieldTheEntryDoesNotHave_isNotApplied() {
        assertThat(Corrections.applied(HELD, changes(null, null, null, null, null, Channel.EMAIL))).isEmpty();
        InterviewPrepared prepared = new InterviewPrepared(CONTACT, "ada", INTERVIEW, List.of("How?"), null, false, AT);
        assertThat(Corrections.applied(prepared, changes(null, null, null, "note", null, null))).isEmpty();
    }

    @Test
    void aRequestsNote_isItsMessage() {
        InterviewRequested requested = new InterviewRequested(CONTACT, "ada", INTERVIEW, Channel.EMAIL, 20,
                "careers in data", "Hello", AT);
        assertThat(Corrections.applied(requested, changes(null, null, null, "Dear Lin", null, Channel.VIDEO)))
                .contains(new InterviewRequested(CONTACT, "ada", INTERVIEW, Channel.VIDEO, 20, "careers in data",
                        "Dear Lin", AT));
    }

    @Test
    void aContactsFirstEvent_hasNoCorrectableFields() {
        ContactAdded added = new ContactAdded(CONTACT, "ada", null, ContactSource.COLD, null, 0, AT);
        assertThat(Corrections.fieldsOf(added)).isEmpty();
        assertThat(Corrections.applied(added, changes(LATER, null, null, null, null, null))).isEmpty();
    }

    @Test
    void namedFields_areListedInAStableOrder() {
        assertThat(Corrections.named(changes(AT, AT, 1, "n", "ns", Channel.PHONE)))
                .containsExactly("at", "heldAt", "actualMinutes", "note", "notes", "channel");
        assertThat(changes(null, null, null, null, null, null).changesNothing()).isTrue();
        FollowUpLogged followUp = new FollowUpLogged(CONTACT, "ada", INTERVIEW, FollowUpKind.CHECK_IN,
                Channel.EMAIL, null, AT);
        assertThat(Corrections.fieldsOf(followUp)).containsExactlyInAnyOrder("at", "channel", "note");
    }

    @Test
    void aCorrectedFollowUp_stillKeepsTheCommitmentsItKept() {
        UUID commitment = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000006");
        FollowUpLogged followUp = new FollowUpLogged(CONTACT, "ada", INTERVIEW, FollowUpKind.CHECK_IN,
                Channel.EMAIL, "sent the article", AT, List.of(commitment));

        assertThat(Corrections.applied(followUp, changes(null, null, null, "sent both articles", null, null)))
                .contains(new FollowUpLogged(CONTACT, "ada", INTERVIEW, FollowUpKind.CHECK_IN, Channel.EMAIL,
                        "sent both articles", AT, List.of(commitment)));
    }

    @Test
    void commitments_haveNoCorrectableFieldsYet() {
        UUID commitment = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000006");

        assertThat(Corrections.fieldsOf(new CommitmentMade(CONTACT, "ada", commitment, null, "send the article",
                null, AT))).isEmpty();
        assertThat(Corrections.fieldsOf(new CommitmentKept(CONTACT, "ada", commitment, null, "sent", AT))).isEmpty();
        assertThat(Corrections.fieldsOf(new CommitmentDropped(CONTACT, "ada", commitment, "moot", AT))).isEmpty();
    }
}

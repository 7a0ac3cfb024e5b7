package app.rapport.query.drafts;

import static app.rapport.query.drafts.JournalSamples.CONTACT;
import static app.rapport.query.drafts.JournalSamples.INTERVIEW;
import static app.rapport.query.drafts.JournalSamples.MAYA;
import static app.rapport.query.drafts.JournalSamples.OWNER;
import static app.rapport.query.drafts.JournalSamples.accepted;
import static app.rapport.query.drafts.JournalSamples.archived;
import static app.rapport.query.drafts.JournalSamples.contact;
import static app.rapport.query.drafts.JournalSamples.held;
import static app.rapport.query.drafts.JournalSamples.prepared;
import static app.rapport.query.drafts.JournalSamples.requested;
import static app.rapport.query.drafts.JournalSamples.scheduled;
import static app.rapport.query.drafts.JournalSamples.unanswered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import org.junit.jupiter.api.Test;

/** The facts a draft reads, folded from a contact's events the way the aggregate folds them. */
class DraftFactsTest {

    @Test
    void detailsChanged_replacesTheDetails() {
        ContactDetails moved = new ContactDetails("Maya Chen-Li", "State Archives", "Head of Digital", null,
                Channel.PHONE, null, null, null, null);

        ContactFacts facts = contact(new ContactDetailsChanged(CONTACT, OWNER, moved, Instant.parse("2026-03-03T00:00:00Z")));

        assertThat(facts.name()).isEqualTo("Maya Chen-Li");
        assertThat(facts.organization()).isEqualTo("State Archives");
        assertThat(facts.specialization()).isNull();
        assertThat(facts.preferredChannel()).isEqualTo(Channel.PHONE);
    }

    @Test
    void aLateAnswer_afterGivingUp_isTheAnswer() {
        assertThat(contact(requested(), unanswered(), accepted()).interview(INTERVIEW).orElseThrow().stage())
                .isEqualTo(InterviewStage.ACCEPTED);
    }

    @Test
    void movingAPreparedInterview_keepsItPrepared() {
        assertThat(contact(requested(), accepted(), scheduled(), prepared(), scheduled()).interview(INTERVIEW)
                .orElseThrow().stage()).isEqualTo(InterviewStage.PREPARED);
    }

    @Test
    void aHeldInterview_carriesWhenItWasHeld_itsMinutesAndNotes() {
        InterviewFacts interview = contact(requested(), accepted(), scheduled(), held()).interview(INTERVIEW)
                .orElseThrow();

        assertThat(interview.stage()).isEqualTo(InterviewStage.HELD);
        assertThat(interview.heldAt()).isEqualTo(JournalSamples.HELD_AT);
        assertThat(interview.actualMinutes()).isEqualTo(JournalSamples.MINUTES);
        assertThat(interview.notes()).isEqualTo(JournalSamples.NOTES);
        assertThat(interview.purpose()).isEqualTo(JournalSamples.PURPOSE);
    }

    @Test
    void archivedThenRestored_isNotArchived() {
        assertThat(contact(archived()).archived()).isTrue();
        assertThat(contact(archived(), new ContactRestored(CONTACT, OWNER, Instant.parse("2026-04-01T00:00:00Z")))
                .archived()).isFalse();
    }

    @Test
    void theReferrersName_isTheirLatest() {
        assertThat(ContactFacts.nameOf(java.util.List.of(JournalSamples.added(MAYA),
                new ContactDetailsChanged(CONTACT, OWNER, new ContactDetails("Maya Chen-Li", null, null, null, null,
                        null, null, null, null), Instant.parse("2026-03-03T00:00:00Z"))))).contains("Maya Chen-Li");
    }
}

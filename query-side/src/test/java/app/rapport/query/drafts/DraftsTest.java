package app.rapport.query.drafts;

import static app.rapport.query.drafts.JournalSamples.BARE_PROFILE;
import static app.rapport.query.drafts.JournalSamples.CONTACT;
import static app.rapport.query.drafts.JournalSamples.HELD_AT;
import static app.rapport.query.drafts.JournalSamples.INTERVIEW;
import static app.rapport.query.drafts.JournalSamples.MAYA;
import static app.rapport.query.drafts.JournalSamples.MINUTES;
import static app.rapport.query.drafts.JournalSamples.NOTES;
import static app.rapport.query.drafts.JournalSamples.OWNER;
import static app.rapport.query.drafts.JournalSamples.PROFILE;
import static app.rapport.query.drafts.JournalSamples.PURPOSE;
import static app.rapport.query.drafts.JournalSamples.accepted;
import static app.rapport.query.drafts.JournalSamples.archived;
import static app.rapport.query.drafts.JournalSamples.cancelled;
import static app.rapport.query.drafts.JournalSamples.contact;
import static app.rapport.query.drafts.JournalSamples.contactWith;
import static app.rapport.query.drafts.JournalSamples.declined;
import static app.rapport.query.drafts.JournalSamples.held;
import static app.rapport.query.drafts.JournalSamples.nudged;
import static app.rapport.query.drafts.JournalSamples.preferring;
import static app.rapport.query.drafts.JournalSamples.prepared;
import static app.rapport.query.drafts.JournalSamples.requested;
import static app.rapport.query.drafts.JournalSamples.scheduled;
import static app.rapport.query.drafts.JournalSamples.thanked;
import static app.rapport.query.drafts.JournalSamples.unanswered;
import static app.rapport.query.drafts.JournalSamples.upToHeld;
import static app.rapport.query.drafts.JournalSamples.upToThanked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.query.support.JournalConflictException;
import app.rapport.query.support.QueryNotFoundException;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The words of a draft as a function of the journal's facts, one rule of the practice per test. */
class DraftsTest {

    static final DraftAsk REQUEST = DraftAsk.of("request", MINUTES, PURPOSE, null, null);
    static final DraftAsk NUDGE = DraftAsk.of("nudge", null, null, INTERVIEW, null);
    static final DraftAsk THANK_YOU = DraftAsk.of("thank-you", null, null, INTERVIEW, null);
    static final DraftAsk FOLLOW_UP = DraftAsk.of("follow-up", null, null, INTERVIEW, null);
    static final List<String> JOB_WORDS = List.of("job", "position", "opening", "hiring", "internship");

    // --- a request

    @Test
    void request_saysWhoYouAre_withNameProgramAndSchool() {
        String body = Drafts.write(REQUEST, PROFILE, contact()).body();

        assertThat(body).contains("My name is Sam Rivera, and I am studying Library and Information Science at "
                + "Northfield University.");
    }

    @Test
    void request_saysWhyThisPerson_fromTheirWorkAndYourInterests() {
        String body = Drafts.write(REQUEST, PROFILE, contact()).body();

        assertThat(body).contains("because of your work in born-digital records as Digital Archivist at City Archives.")
                .contains("I am exploring digital preservation and community archives");
    }

    @Test
    void request_namesTheMinutes_andPromisesToKeepToThem() {
        Draft draft = Drafts.write(REQUEST, PROFILE, contact());

        assertThat(draft.body()).contains("Would you have 25 minutes")
                .contains("I will keep our conversation to 25 minutes.");
        assertThat(draft.subject()).isEqualTo("Could we talk for 25 minutes?");
    }

    @Test
    void request_namesThePurpose_inTheNetworkersWords() {
        DraftAsk ask = DraftAsk.of("request", 20, "  records management in hospitals.  ", null, null);

        assertThat(Drafts.write(ask, PROFILE, contact()).body())
                .contains("to talk with me about records management in hospitals? ");
    }

    @Test
    void request_isFlexibleAboutTimeAndChannel() {
        assertThat(Drafts.write(REQUEST, PROFILE, contact()).body())
                .contains("fit around your schedule").contains("by phone, by video or in person");
    }

    @Test
    void request_thanksThem() {
        assertThat(Drafts.write(REQUEST, PROFILE, contact()).body()).contains("Thank you for considering it.");
    }

    @Test
    void request_namesWhoReferredYou_whenTheContactWasReferred() {
        ContactFacts referred = ContactFacts.of(CONTACT, List.of(new ContactAdded(CONTACT, OWNER, MAYA,
                ContactSource.REFERRAL, UUID.randomUUID(), 0, HELD_AT))).withReferrerName("Omar Haddad");

        assertThat(Drafts.write(REQUEST, PROFILE, referred).body())
                .contains("Omar Haddad suggested I get in touch with you.");
    }

    @Test
    void request_readsAsSentences_whenTheJournalKnowsLittle() {
        ContactDetails nameOnly = new ContactDetails("Maya Chen", null, " ", null, null, null, null, null, null);

        String body = Drafts.write(REQUEST, BARE_PROFILE, contactWith(nameOnly)).body();

        assertThat(body).contains("My name is Sam Rivera.")
                .contains("I am reaching out because I would value your perspective. "
                        + "I would love to learn from your experience.")
                .doesNotContain("null").doesNotContain("  ").doesNotContain(" .").doesNotContain(" ,")
                .endsWith("Best regards,\nSam Rivera");
    }

    // --- the channel

    @Test
    void draft_isForTheContactsPreferredChannel() {
        assertThat(Drafts.write(REQUEST, PROFILE, contactWith(preferring(Channel.SOCIAL_MESSAGE))).channel())
                .isEqualTo(Channel.SOCIAL_MESSAGE);
    }

    @Test
    void draft_isAnEmail_whenTheContactPrefersNoChannel() {
        assertThat(Drafts.write(REQUEST, PROFILE, contact()).channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void email_hasASubject_aGreetingAndASignature() {
        Draft draft = Drafts.write(REQUEST, PROFILE, contactWith(preferring(Channel.EMAIL)));

        assertThat(draft.subject()).isNotBlank();
        assertThat(draft.body()).startsWith("Dear Maya Chen,\n\n")
                .endsWith("Best regards,\nSam Rivera\nLibrary and Information Science, Northfield University");
    }

    @Test
    void socialMessage_hasNoSubject_andAShortSignature() {
        Draft draft = Drafts.write(REQUEST, PROFILE, contactWith(preferring(Channel.SOCIAL_MESSAGE)));

        assertThat(draft.subject()).isNull();
        assertThat(draft.body()).startsWith("Hi Maya Chen,\n\n").endsWith("Best,\nSam Rivera");
    }

    @Test
    void spokenChannels_haveNeitherSubjectNorSignature() {
        for (Channel spoken : List.of(Channel.PHONE, Channel.VIDEO, Channel.IN_PERSON)) {
            Draft draft = Drafts.write(REQUEST, PROFILE, contactWith(preferring(spoken)));

            assertThat(draft.subject()).as(spoken.name()).isNull();
            assertThat(draft.body()).as(spoken.name()).startsWith("Hello Maya Chen,\n\n")
                    .endsWith("Thank you for considering it.");
        }
    }

    @Test
    void spokenChannels_sayWhoIsSpeaking_whenTheDraftDoesNotIntroduceYou() {
        Draft thanks = Drafts.write(THANK_YOU, PROFILE, contactWith(preferring(Channel.PHONE), upToHeld()));
        Draft request = Drafts.write(REQUEST, PROFILE, contactWith(preferring(Channel.PHONE)));

        assertThat(thanks.body()).startsWith("Hello Maya Chen, this is Sam Rivera.\n\n");
        assertThat(request.body()).startsWith("Hello Maya Chen,\n\nMy name is Sam Rivera");
    }

    // --- rules for every draft

    @Test
    void sameJournal_givesTheSameDraft() {
        for (DraftAsk ask : List.of(REQUEST, NUDGE, THANK_YOU, FOLLOW_UP)) {
            Object[] steps = stepsFor(ask.kind());
            Draft first = Drafts.write(ask, PROFILE, contact(steps));
            Draft again = Drafts.write(ask, new Profile("Sam Rivera", "Northfield University",
                    "Library and Information Science", List.of("digital preservation", "community archives")),
                    contact(stepsFor(ask.kind())));

            assertThat(again).as(ask.kind().name()).isEqualTo(first);
        }
    }

    @Test
    void noDraft_asksForAJob() {
        for (DraftAsk ask : List.of(REQUEST, NUDGE, THANK_YOU, FOLLOW_UP)) {
            for (Channel channel : Channel.values()) {
                Draft draft = Drafts.write(ask, PROFILE, contactWith(preferring(channel), stepsFor(ask.kind())));
                String words = (draft.subject() + " " + draft.body()).toLowerCase(Locale.ROOT);

                assertThat(JOB_WORDS).as(ask.kind() + " by " + channel + ":\n" + draft.body())
                        .noneMatch(words::contains);
            }
        }
    }

    @Test
    void theContactsOwnDetails_arePassedOn_evenWhenTheyNameHiring() {
        ContactDetails recruiter = new ContactDetails("Lee Park", "Archives Trust", "Hiring Manager", null, null,
                null, null, null, null);

        assertThat(Drafts.write(REQUEST, PROFILE, contactWith(recruiter)).body()).contains("as Hiring Manager at");
    }

    @Test
    void draft_isRefused_withoutAProfile() {
        for (DraftAsk ask : List.of(REQUEST, NUDGE, THANK_YOU, FOLLOW_UP)) {
            assertRefused(() -> Drafts.write(ask, null, contact(stepsFor(ask.kind()))), "profile-missing");
        }
    }

    @Test
    void draft_isRefused_forAnArchivedContact() {
        assertRefused(() -> Drafts.write(REQUEST, PROFILE, contact(archived())), "contact-archived");
    }

    @Test
    void draft_ofAnInterviewTheContactDoesNotHave_isNotFound() {
        DraftAsk other = DraftAsk.of("thank-you", null, null, UUID.randomUUID(), null);

        assertThatThrownBy(() -> Drafts.write(other, PROFILE, contact(upToHeld())))
                .isInstanceOf(QueryNotFoundException.class);
    }

    // --- a nudge

    @Test
    void nudge_recallsTheRequestsDateMinutesAndPurpose() {
        Draft draft = Drafts.write(NUDGE, PROFILE, contact(requested()));

        assertThat(draft.body()).contains("I reached out on 2 March 2026 to ask for 25 minutes of your time to learn "
                + "about how archivists move into digital preservation.");
        assertThat(draft.subject()).isEqualTo("Following up: could we talk for 25 minutes?");
    }

    @Test
    void nudge_saysWhoYouAreAgain_andPromisesToKeepToTheMinutes() {
        assertThat(Drafts.write(NUDGE, PROFILE, contact(requested())).body())
                .contains("My name is Sam Rivera").contains("25 minutes whenever it suits you, and I will keep to them");
    }

    @Test
    void nudge_isRefused_whenTheRequestWasAnswered() {
        for (Object answer : List.of(accepted(), declined())) {
            assertRefused(() -> Drafts.write(NUDGE, PROFILE, contact(requested(), answer)), "request-already-answered");
        }
        assertRefused(() -> Drafts.write(NUDGE, PROFILE, contact(upToHeld())), "request-already-answered");
    }

    @Test
    void nudge_isWritten_afterGivingUpWaiting_sinceNoAnswerCame() {
        assertThat(Drafts.write(NUDGE, PROFILE, contact(requested(), unanswered())).body())
                .contains("I reached out on 2 March 2026");
    }

    @Test
    void nudge_isRefused_whenOneWasSent() {
        assertRefused(() -> Drafts.write(NUDGE, PROFILE, contact(requested(), nudged())), "nudge-already-sent");
    }

    @Test
    void nudge_isRefused_whenTheInterviewWasCancelled() {
        assertRefused(() -> Drafts.write(NUDGE, PROFILE, contact(requested(), cancelled())), "interview-cancelled");
    }

    // --- a thank-you

    @Test
    void thankYou_namesWhenItWasHeld_andWhatWasLearned() {
        Draft draft = Drafts.write(THANK_YOU, PROFILE, contact(upToHeld()));

        assertThat(draft.body()).contains("Thank you for speaking with me on 12 March 2026 about how archivists move "
                        + "into digital preservation.")
                .contains("What I am taking away from our conversation: " + NOTES + ".")
                .contains("I am grateful for the 25 minutes you gave me.");
        assertThat(draft.subject()).isEqualTo("Thank you for our conversation");
    }

    @Test
    void thankYou_thanksForTheExtraTime_whenTheInterviewOverran() {
        ContactFacts overran = contact(requested(), accepted(), scheduled(), held(40, NOTES, HELD_AT));

        assertThat(Drafts.write(THANK_YOU, PROFILE, overran).body())
                .contains("You gave me even more than the 25 minutes we agreed");
    }

    @Test
    void thankYou_withoutNotes_stillSaysYouLearned() {
        ContactFacts noNotes = contact(requested(), accepted(), scheduled(), held(25, "  ", HELD_AT));

        assertThat(Drafts.write(THANK_YOU, PROFILE, noNotes).body())
                .contains("I learned a great deal from what you shared.").doesNotContain("taking away");
    }

    @Test
    void thankYou_writesTheDate_inTheZoneAsked() {
        ContactFacts lateInTheDay = contact(requested(), accepted(), scheduled(),
                held(25, NOTES, Instant.parse("2026-03-12T23:30:00Z")));

        assertThat(Drafts.write(THANK_YOU, PROFILE, lateInTheDay).body()).contains("on 12 March 2026");
        assertThat(Drafts.write(DraftAsk.of("thank-you", null, null, INTERVIEW, "Asia/Tokyo"), PROFILE, lateInTheDay)
                .body()).contains("on 13 March 2026");
    }

    @Test
    void thankYou_isRefused_whenTheInterviewWasNotHeld() {
        assertRefused(() -> Drafts.write(THANK_YOU, PROFILE, contact(requested(), accepted(), scheduled(), prepared())),
                "interview-not-held");
    }

    @Test
    void thankYou_isRefused_whenOneWasSent() {
        assertRefused(() -> Drafts.write(THANK_YOU, PROFILE, contact(upToThanked())), "thank-you-already-sent");
    }

    // --- a follow-up

    @Test
    void followUp_recallsTheInterviewAndItsNotes_andLeavesWhatCameOfItToTheNetworker() {
        String body = Drafts.write(FOLLOW_UP, PROFILE, contact(upToThanked())).body();

        assertThat(body).contains("When we spoke on 12 March 2026 about how archivists move into digital preservation")
                .contains("My notes from that conversation say: " + NOTES + ".")
                .contains("what came of it: " + Drafts.WHAT_CAME_OF_IT);
    }

    @Test
    void followUp_isRefused_beforeTheThankYou() {
        assertRefused(() -> Drafts.write(FOLLOW_UP, PROFILE, contact(upToHeld())), "thank-you-not-sent");
    }

    @Test
    void followUp_isRefused_whenTheInterviewWasNotHeld() {
        assertRefused(() -> Drafts.write(FOLLOW_UP, PROFILE, contact(requested(), accepted())), "interview-not-held");
    }

    private static Object[] stepsFor(DraftKind kind) {
        return switch (kind) {
            case REQUEST -> new Object[0];
            case NUDGE -> new Object[] {requested()};
            case THANK_YOU -> upToHeld();
            case FOLLOW_UP -> upToThanked();
        };
    }

    private static void assertRefused(ThrowingCallable draft, String rule) {
        assertThatThrownBy(draft).isInstanceOfSatisfying(JournalConflictException.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(rule));
    }
}

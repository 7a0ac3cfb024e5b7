package app.rapport.query.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.query.contacts.Health.Band;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Relationship health judged at chosen moments, against hand-computed scores (docs/health.md):
 * recency 60 × clamp((2c − e) / 1.5c) for e days since the last touch and a c-day cadence, answers
 * 20 × (accepted + ½ declined) / judged requests, thank-yous 20 × (in time + ½ late) / judged held
 * interviews, 10 for a term with nothing to judge, less 10 for each promise dropped or overdue and
 * 5 for each kept late; bands from 85, 65 and 45.
 */
class ContactHealthTest extends QueryIntegrationTest {

    static final Instant JAN_5 = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    Contacts contacts;

    Health healthOf(Journal.ContactStream contact, Instant at) {
        awaitProjections();
        return contacts.findJudged(contact.owner(), contact.id, at).orElseThrow().health();
    }

    /** Asked on Jan 5, accepted on the 6th, held on the 12th at 09:00 and thanked six hours later. */
    Journal.ContactStream thankedInTime() {
        var maya = journal().contact("Maya Chen", JAN_5);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN_5);
        Instant held = Instant.parse("2026-01-12T09:00:00Z");
        maya.accept(interview, JAN_5.plus(Duration.ofDays(1))).hold(interview, 30, 30, held)
                .thank(interview, held.plus(Duration.ofHours(6)));
        return maya;
    }

    @Test
    void thankedInTimeAndRecentlyTouched_isStrong_withFullMarks() {
        Health health = healthOf(thankedInTime(), Instant.parse("2026-01-20T15:00:00Z"));

        assertThat(health.score()).as("60 + 20 + 20").isEqualTo(100);
        assertThat(health.band()).isEqualTo(Band.STRONG);
        assertThat(health.reasons()).containsExactly("last touch 8 days ago, within its 60-day cadence",
                "1 request accepted", "1 interview thanked for in time");
    }

    @Test
    void recency_fadesFromHalfTheCadence_toNothingAtTwiceIt() {
        var maya = thankedInTime();
        Instant thanked = Instant.parse("2026-01-12T15:00:00Z");

        assertThat(healthOf(maya, thanked.plus(Duration.ofDays(30))).score()).as("half the cadence: 60 + 40")
                .isEqualTo(100);
        Health due = healthOf(maya, thanked.plus(Duration.ofDays(60)));
        assertThat(due.score()).as("60 × 60/90 = 40, + 40").isEqualTo(80);
        assertThat(due.band()).isEqualTo(Band.WARM);
        Health late = healthOf(maya, thanked.plus(Duration.ofDays(90)));
        assertThat(late.score()).as("60 × 30/90 = 20, + 40").isEqualTo(60);
        assertThat(late.band()).isEqualTo(Band.COOLING);
        assertThat(late.reasons()).first().isEqualTo("no touch for 90 days, past its 60-day cadence");
        Health lapsed = healthOf(maya, thanked.plus(Duration.ofDays(121)));
        assertThat(lapsed.score()).as("nothing for recency, + 40").isEqualTo(40);
        assertThat(lapsed.band()).isEqualTo(Band.COLD);
    }

    @Test
    void aContactNeverTouched_isCold_withNothingJudged() {
        Health health = healthOf(journal().contact("Maya Chen", JAN_5), JAN_5.plus(Duration.ofDays(1)));

        assertThat(health.score()).as("0 + 10 + 10").isEqualTo(20);
        assertThat(health.band()).isEqualTo(Band.COLD);
        assertThat(health.reasons()).containsExactly("no touch yet");
    }

    @Test
    void aRequestWaiting_isNotJudgedUntilTheNudgeWindowPasses_thenCountsAsUnanswered() {
        var omar = journal().contact("Omar Haddad", JAN_5);
        Instant asked = Instant.parse("2026-03-01T09:00:00Z");
        omar.request(Channel.EMAIL, 20, "curation", asked);

        Health waiting = healthOf(omar, asked.plus(Duration.ofDays(4)));
        assertThat(waiting.score()).as("60 + 10 + 10").isEqualTo(80);
        assertThat(waiting.band()).isEqualTo(Band.WARM);
        Health unanswered = healthOf(omar, asked.plus(Duration.ofDays(7)));
        assertThat(unanswered.score()).as("seven days on: 60 + 0 + 10").isEqualTo(70);
        assertThat(unanswered.reasons()).contains("1 request unanswered");
        assertThat(healthOf(omar, asked.plus(Duration.ofDays(45))).band()).as("60 × 75/90 = 50, + 10")
                .isEqualTo(Band.COOLING);
    }

    @Test
    void aHeldInterview_owesItsThankYouOnlyAfterTheWindow() {
        var lee = journal().contact("Lee Park", JAN_5);
        UUID interview = lee.request(Channel.EMAIL, 30, "archives work", JAN_5);
        Instant held = Instant.parse("2026-03-01T10:00:00Z");
        lee.accept(interview, JAN_5).hold(interview, 30, 30, held);

        Health within = healthOf(lee, held.plus(Duration.ofHours(10)));
        assertThat(within.score()).as("60 + 20 + 10").isEqualTo(90);
        assertThat(within.band()).isEqualTo(Band.STRONG);
        Health owed = healthOf(lee, held.plus(Duration.ofHours(24)));
        assertThat(owed.score()).as("60 + 20 + 0").isEqualTo(80);
        assertThat(owed.band()).isEqualTo(Band.WARM);
        assertThat(owed.reasons()).contains("1 thank-you owed");
    }

    /** The worked example of docs/health.md. */
    @Test
    void workedExample_declinedUnansweredAndLateThanks_withACadenceOfItsOwn() {
        var sam = journal().contact("Sam Ortiz", JAN_5);
        sam.cadence(30, JAN_5);
        UUID declined = sam.request(Channel.EMAIL, 30, "records", JAN_5);
        sam.decline(declined, Instant.parse("2026-01-07T09:00:00Z"));
        UUID givenUp = sam.request(Channel.PHONE, 20, "maps", JAN_5);
        sam.unanswered(givenUp, Instant.parse("2026-01-15T09:00:00Z"));
        UUID held = sam.request(Channel.EMAIL, 30, "archives work", Instant.parse("2026-01-10T09:00:00Z"));
        sam.accept(held, Instant.parse("2026-01-11T09:00:00Z"))
                .hold(held, 30, 30, Instant.parse("2026-01-29T09:00:00Z"))
                .thank(held, Instant.parse("2026-02-01T00:00:00Z"));

        Health health = healthOf(sam, Instant.parse("2026-02-26T00:00:00Z"));

        assertThat(health.score()).as("60 × 35/45 = 46.67, 20 × 1.5/3 = 10, 20 × 0.5/1 = 10: 66.67").isEqualTo(67);
        assertThat(health.band()).isEqualTo(Band.WARM);
        assertThat(health.reasons()).containsExactly("last touch 25 days ago, within its 30-day cadence",
                "1 request accepted", "1 request declined", "1 request unanswered", "1 thank-you sent late");
    }

    @Test
    void aCancelledRequest_countsAsAnsweredOnlyWhenItHadBeenAccepted() {
        var maya = journal().contact("Maya Chen", JAN_5);
        UUID acceptedThenCancelled = maya.request(Channel.EMAIL, 30, "archives work", JAN_5);
        maya.accept(acceptedThenCancelled, JAN_5).cancel(acceptedThenCancelled, JAN_5.plusSeconds(60));
        UUID withdrawn = maya.request(Channel.EMAIL, 30, "records", JAN_5);
        maya.cancel(withdrawn, JAN_5.plusSeconds(60));

        Health health = healthOf(maya, JAN_5.plus(Duration.ofDays(10)));

        assertThat(health.reasons()).containsExactly("last touch 10 days ago, within its 60-day cadence",
                "1 request accepted");
        assertThat(health.score()).as("60 + 20 + 10").isEqualTo(90);
    }

    static void promise(Journal.ContactStream contact, UUID commitment, Instant dueBy, Instant at) {
        contact.append(new CommitmentMade(contact.id, contact.owner(), commitment, null, "send the article", dueBy, at),
                at);
    }

    @Test
    void promisesDroppedOrOverdue_costTenEach_andKeptLateFive() {
        var maya = thankedInTime();
        Instant made = Instant.parse("2026-01-13T09:00:00Z");
        UUID keptInTime = UUID.randomUUID();
        promise(maya, keptInTime, Instant.parse("2026-01-25T00:00:00Z"), made);
        maya.append(new CommitmentKept(maya.id, maya.owner(), keptInTime, null, "sent", Instant.parse("2026-01-24T09:00:00Z")),
                Instant.parse("2026-01-24T09:00:00Z"));
        UUID keptLate = UUID.randomUUID();
        promise(maya, keptLate, Instant.parse("2026-01-18T00:00:00Z"), made);
        maya.append(new CommitmentKept(maya.id, maya.owner(), keptLate, null, "sent", Instant.parse("2026-01-19T09:00:00Z")),
                Instant.parse("2026-01-19T09:00:00Z"));
        promise(maya, UUID.randomUUID(), Instant.parse("2026-01-19T00:00:00Z"), made);
        UUID dropped = UUID.randomUUID();
        promise(maya, dropped, null, made);
        maya.append(new CommitmentDropped(maya.id, maya.owner(), dropped, "no longer relevant", made.plusSeconds(60)),
                made.plusSeconds(60));
        promise(maya, UUID.randomUUID(), Instant.parse("2026-02-01T00:00:00Z"), made);
        promise(maya, UUID.randomUUID(), null, made);

        Health health = healthOf(maya, Instant.parse("2026-01-26T15:00:00Z"));

        assertThat(health.score()).as("100 − 5 (late) − 10 (dropped) − 10 (overdue)").isEqualTo(75);
        assertThat(health.band()).isEqualTo(Band.WARM);
        assertThat(health.reasons()).endsWith("1 promise kept", "1 promise kept late", "1 promise dropped",
                "1 promise overdue");
    }

    @Test
    void theScore_neverFallsBelowNothing() {
        var maya = journal().contact("Maya Chen", JAN_5);
        for (int i = 0; i < 3; i++) {
            UUID dropped = UUID.randomUUID();
            promise(maya, dropped, null, JAN_5);
            maya.append(new CommitmentDropped(maya.id, maya.owner(), dropped, "too much", JAN_5), JAN_5);
        }

        Health health = healthOf(maya, JAN_5.plus(Duration.ofDays(1)));

        assertThat(health.score()).as("20 − 30").isZero();
        assertThat(health.band()).isEqualTo(Band.COLD);
    }

    @Test
    void aCadenceUnderADay_countsAsOneDay() {
        var maya = journal().contact("Maya Chen", JAN_5);
        maya.cadence(0, JAN_5).request(Channel.EMAIL, 30, "archives work", JAN_5);

        Health health = healthOf(maya, JAN_5.plus(Duration.ofHours(36)));

        assertThat(health.score()).as("60 × (2 − 1.5)/1.5 = 20, + 10 + 10").isEqualTo(40);
        assertThat(health.reasons()).first().isEqualTo("no touch for 1 day, past its 1-day cadence");
    }

    @Test
    void aRetractedThankYou_isOwedAgain() {
        var maya = journal().contact("Maya Chen", JAN_5);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN_5);
        Instant held = Instant.parse("2026-01-12T09:00:00Z");
        maya.accept(interview, JAN_5).hold(interview, 30, 30, held).thank(interview, held.plusSeconds(3600));
        maya.retract(maya.lastEventId(), app.rapport.events.interview.ThankYouSent.class, interview, null,
                "still a draft", held.plusSeconds(7200));

        Health health = healthOf(maya, held.plus(Duration.ofDays(3)));

        assertThat(health.reasons()).contains("1 thank-you owed");
        assertThat(health.score()).as("the last touch is the hold: 60 + 20 + 0").isEqualTo(80);
    }
}

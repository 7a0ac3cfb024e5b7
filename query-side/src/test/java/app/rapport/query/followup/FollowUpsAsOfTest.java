package app.rapport.query.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.query.Journal;
import app.rapport.query.support.AsOfJournals;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/follow-ups/overdue} with {@code asOf}: the deadlines of the journal as recorded by
 * then, judged then; what was closed since is still open, what was opened since is not there.
 */
class FollowUpsAsOfTest extends AsOfJournals {

    String overdue(Journal mentee) {
        return "/api/follow-ups/overdue?owner=" + mentee.owner();
    }

    @Test
    void anItemClosedSince_isStillOverdueThen() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 30, day(4)).thank(interview, day(9));
        awaitProjections();

        JsonNode review = ok(overdue(mentee) + "&asOf=" + day(7));

        assertThat(review.get("items").findValuesAsText("kind")).containsExactly("THANK_YOU");
        JsonNode item = review.get("items").get(0);
        assertThat(item.get("contactName").asText()).isEqualTo("Maya Chen");
        assertThat(item.get("dueAt").asText()).isEqualTo(day(5).toString());
        assertThat(item.get("overdueBy").asText()).isEqualTo("PT48H");
        assertThat(ok(overdue(mentee) + "&kind=THANK_YOU").get("total").asLong()).as("thanked since").isZero();
    }

    @Test
    void whatWasRecordedSince_isNotThere_evenWhenItHappenedBefore() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2));
        // held on day 4, logged on day 10: on day 7 the journal owed no thank-you yet
        maya.append(new InterviewHeld(maya.id, mentee.owner(), interview, 30, 30, "notes",
                Journal.FULL_CHECKLIST, day(4)), day(10));
        mentee.contact("Omar Haddad", day(8)).request(Channel.EMAIL, 30, "maps", day(8));
        awaitProjections();

        assertThat(ok(overdue(mentee) + "&asOf=" + day(7) + "&lookahead=P30D").get("total").asLong()).isZero();
        assertThat(ok(overdue(mentee) + "&asOf=" + day(10)).get("items").findValuesAsText("kind"))
                .containsExactly("THANK_YOU");
    }

    @Test
    void aCorrectionMadeSince_doesNotMoveTheDeadlineThen() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 30, day(4));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, day(3), null, null, null, null), "held a day earlier", day(8));
        awaitProjections();

        assertThat(ok(overdue(mentee) + "&asOf=" + day(7)).get("items").get(0).get("dueAt").asText())
                .isEqualTo(day(5).toString());
        assertThat(ok(overdue(mentee) + "&asOf=" + day(8)).get("items").get(0).get("dueAt").asText())
                .isEqualTo(day(4).toString());
    }

    @Test
    void aRetractionMadeSince_hadNotReopenedTheItemThen() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 30, day(4)).thank(interview, day(5));
        maya.retract(maya.lastEventId(), ThankYouSent.class, interview, null, "never sent", day(9));
        awaitProjections();

        assertThat(ok(overdue(mentee) + "&asOf=" + day(8) + "&kind=THANK_YOU").get("total").asLong()).isZero();
        assertThat(ok(overdue(mentee) + "&asOf=" + day(9) + "&kind=THANK_YOU").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void lookaheadFromAPastMoment_listsWhatWasComingDueThen() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", day(1));  // nudge due on day 8
        awaitProjections();

        JsonNode ahead = ok(overdue(mentee) + "&asOf=" + day(6) + "&lookahead=P3D");

        assertThat(ahead.get("items").findValuesAsText("kind")).containsExactly("RESPONSE_NUDGE");
        assertThat(ahead.get("items").get(0).get("overdueBy").asText()).isEqualTo("PT-48H");
        assertThat(ok(overdue(mentee) + "&asOf=" + day(6)).get("total").asLong()).isZero();
    }

    @Test
    void asOfNow_answersWhatTheLiveViewAnswers() {
        Journal mentee = everything();
        awaitProjections();

        for (String query : new String[] {"", "&lookahead=P400D", "&kind=KEEP_IN_TOUCH", "&size=1&page=1"}) {
            assertThat(ok(overdue(mentee) + query + "&asOf=" + NOW)).as(query).isEqualTo(ok(overdue(mentee) + query));
        }
        assertThat(ok(overdue(mentee) + "&lookahead=P400D").get("total").asLong()).isGreaterThan(1);
    }
}

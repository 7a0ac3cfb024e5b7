package app.rapport.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.query.Journal;
import app.rapport.query.support.AsOfJournals;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code GET /api/analytics/outreach} with {@code asOf}: the counts of the journal as recorded by then. */
class AnalyticsAsOfTest extends AsOfJournals {

    String outreach(Journal mentee, String groupBy) {
        return "/api/analytics/outreach?groupBy=" + groupBy + "&owner=" + mentee.owner();
    }

    @Test
    void anAnswerRecordedSince_wasPendingThen_andARequestRecordedSince_isNotCounted() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        // accepted on day 2, logged on day 6
        maya.append(new InterviewAccepted(maya.id, mentee.owner(), interview, "Happy to", day(2)), day(6));
        mentee.contact("Omar Haddad", day(5)).request(Channel.EMAIL, 20, "maps", day(5));
        awaitProjections();

        JsonNode then = ok(outreach(mentee, "channel") + "&asOf=" + day(4)).get("rows");

        assertThat(then).hasSize(1);
        assertThat(then.get(0).get("requests").asLong()).isEqualTo(1);
        assertThat(then.get(0).get("pending").asLong()).isEqualTo(1);
        assertThat(then.get(0).get("accepted").asLong()).isZero();
        assertThat(then.get(0).get("responseRate").asDouble()).isZero();
        JsonNode now = ok(outreach(mentee, "channel")).get("rows").get(0);
        assertThat(now.get("requests").asLong()).isEqualTo(2);
        assertThat(now.get("accepted").asLong()).isEqualTo(1);
    }

    @Test
    void aCorrectionMadeSince_isNotApplied() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 45, day(4));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, null, 30, null, null, null), "kept to time after all", day(8));
        awaitProjections();

        assertThat(ok(outreach(mentee, "channel") + "&asOf=" + day(7)).get("rows").get(0).get("overran").asLong())
                .isEqualTo(1);
        assertThat(ok(outreach(mentee, "channel") + "&asOf=" + day(8)).get("rows").get(0).get("overran").asLong())
                .isZero();
    }

    @Test
    void asOfBeforeTheFirstRecord_countsNothing() {
        Journal mentee = everything();
        awaitProjections();

        assertThat(ok(outreach(mentee, "month") + "&asOf=" + T0.minusSeconds(1)).get("rows")).isEmpty();
    }

    @Test
    void asOfNow_answersWhatTheLiveReportAnswers() {
        Journal mentee = everything();
        awaitProjections();

        for (String groupBy : new String[] {"channel", "source", "specialization", "month"}) {
            for (String period : new String[] {"", "&from=" + day(3), "&to=" + day(3)}) {
                assertThat(ok(outreach(mentee, groupBy) + period + "&asOf=" + NOW)).as(groupBy + period)
                        .isEqualTo(ok(outreach(mentee, groupBy) + period));
            }
        }
    }
}

package app.rapport.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import app.rapport.events.interview.InterviewHeld;
import app.rapport.query.Journal;
import app.rapport.query.support.AsOfJournals;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** {@code GET /api/contacts/{id}/timeline} with {@code asOf}, folded by the engine every view uses. */
class TimelineAsOfTest extends AsOfJournals {

    String timeline(Journal mentee, Journal.ContactStream contact) {
        return "/api/contacts/" + contact.id + "/timeline?owner=" + mentee.owner();
    }

    @Test
    void aCorrectionMadeSince_isNeitherAppliedNorListed() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 45, day(4));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, null, 30, null, null, null), "kept to time after all", day(8));
        awaitProjections();

        JsonNode before = ok(timeline(mentee, maya) + "&asOf=" + day(7)).get("items");
        JsonNode after = ok(timeline(mentee, maya) + "&asOf=" + day(8)).get("items");

        assertThat(before).hasSize(4);
        assertThat(before.get(3).get("flags").toString()).contains("OVERRAN").doesNotContain("CORRECTED");
        assertThat(after).hasSize(5);
        assertThat(after.get(3).get("flags").toString()).contains("CORRECTED").doesNotContain("OVERRAN");
    }

    @Test
    void aContactNotYetRecorded_isNotFound_asTheContactIs() {
        Journal mentee = mentee();
        var omar = mentee.contact("Omar Haddad", day(5));
        var stranger = journal().contact("Someone else's contact", T0);
        awaitProjections();

        assertThat(get(timeline(mentee, omar) + "&asOf=" + day(4)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(timeline(mentee, stranger) + "&asOf=" + NOW).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ok(timeline(mentee, omar) + "&asOf=" + day(5)).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void asOfNow_answersWhatTheLiveTimelineAnswers_pageByPage() {
        Journal mentee = everything();
        awaitProjections();

        for (JsonNode contact : ok("/api/contacts?owner=" + mentee.owner()).get("items")) {
            String uri = "/api/contacts/" + contact.get("contactId").asText() + "/timeline?owner=" + mentee.owner();
            for (String page : new String[] {"", "&size=3&page=1"}) {
                assertThat(ok(uri + page + "&asOf=" + NOW)).as(uri + page).isEqualTo(ok(uri + page));
            }
        }
    }
}

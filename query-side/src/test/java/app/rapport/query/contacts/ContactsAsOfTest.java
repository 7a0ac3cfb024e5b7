package app.rapport.query.contacts;

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

/** {@code GET /api/contacts} and {@code GET /api/contacts/{id}} with {@code asOf}: the journal as recorded by then. */
class ContactsAsOfTest extends AsOfJournals {

    String list(Journal mentee) {
        return "/api/contacts?owner=" + mentee.owner();
    }

    String detail(Journal mentee, Journal.ContactStream contact) {
        return "/api/contacts/" + contact.id + "?owner=" + mentee.owner();
    }

    @Test
    void contactsAddedSince_areNotListed_andAContactAddedSince_isNotFound() {
        Journal mentee = mentee();
        mentee.contact("Maya Chen", T0);
        var omar = mentee.contact("Omar Haddad", day(5));
        awaitProjections();

        JsonNode then = ok(list(mentee) + "&asOf=" + day(4));

        assertThat(then.get("items").findValuesAsText("name")).containsExactly("Maya Chen");
        assertThat(then.get("total").asLong()).isEqualTo(1);
        assertThat(get(detail(mentee, omar) + "&asOf=" + day(4)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ok(detail(mentee, omar) + "&asOf=" + day(5)).get("name").asText()).isEqualTo("Omar Haddad");
    }

    @Test
    void whatHappenedSince_hadNotHappenedThen_evenWhenLoggedWithAnEarlierDate() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 30, day(4));
        // thanked on day 5, but logged only on day 9, after the review on day 7
        maya.append(new app.rapport.events.interview.ThankYouSent(maya.id, mentee.owner(), interview, Channel.EMAIL,
                "Thank you!", day(5)), day(9));
        awaitProjections();

        JsonNode review = ok(detail(mentee, maya) + "&asOf=" + day(7));

        assertThat(review.get("stage").asText()).isEqualTo("INTERVIEWED");
        assertThat(review.get("interviews").get(0).get("status").asText()).isEqualTo("HELD");
        assertThat(review.get("interviews").get(0).get("thankedAt").isNull()).isTrue();
        assertThat(ok(list(mentee) + "&stage=INTERVIEWED&asOf=" + day(7)).get("total").asLong()).isEqualTo(1);
        assertThat(ok(detail(mentee, maya)).get("stage").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void aCorrectionMadeSince_isNotApplied_andOneMadeBefore_is() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", day(1));
        maya.accept(interview, day(2)).hold(interview, 30, 45, day(4));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, day(3), 25, null, null, null), "held a day earlier, for 25 minutes", day(8));
        awaitProjections();

        JsonNode before = ok(detail(mentee, maya) + "&asOf=" + day(7)).get("interviews").get(0);
        JsonNode after = ok(detail(mentee, maya) + "&asOf=" + day(8)).get("interviews").get(0);

        assertThat(before.get("heldAt").asText()).isEqualTo(day(4).toString());
        assertThat(before.get("actualMinutes").asInt()).isEqualTo(45);
        assertThat(after.get("heldAt").asText()).isEqualTo(day(3).toString());
        assertThat(after.get("actualMinutes").asInt()).isEqualTo(25);
    }

    @Test
    void asOfNow_answersWhatTheLiveViewsAnswer() {
        Journal mentee = everything();
        awaitProjections();

        for (String query : new String[] {"", "&sort=health", "&sort=nextDue", "&q=chen", "&stage=ARCHIVED",
                "&size=2&page=1"}) {
            assertThat(ok(list(mentee) + query + "&asOf=" + NOW)).as(query).isEqualTo(ok(list(mentee) + query));
        }
        for (JsonNode contact : ok(list(mentee)).get("items")) {
            String uri = "/api/contacts/" + contact.get("contactId").asText() + "?owner=" + mentee.owner();
            assertThat(ok(uri + "&asOf=" + NOW)).isEqualTo(ok(uri));
        }
    }

    @Test
    void healthAsOf_isJudgedAtThatMoment() {
        Journal mentee = everything();
        awaitProjections();

        JsonNode then = ok(list(mentee) + "&asOf=" + day(9)).get("items");
        JsonNode now = ok(list(mentee)).get("items");

        assertThat(then.findValuesAsText("name")).containsExactly("Lee Park", "Maya Chen", "Omar Haddad");
        assertThat(now.get(1).get("name").asText()).isEqualTo("Maya Chen-Li");
        // thanked the day before the review; by now nearly two months without a touch, on a 30-day cadence
        assertThat(then.get(1).get("health").get("score").asInt())
                .isGreaterThan(now.get(1).get("health").get("score").asInt());
    }

    @Test
    void anotherOwnersContact_isNotFoundAsOfAnyMoment() {
        Journal mentee = mentee();
        var stranger = journal().contact("Someone else's contact", T0);
        awaitProjections();

        assertThat(get(detail(mentee, stranger) + "&asOf=" + NOW).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/contacts/" + stranger.id + "?asOf=" + NOW).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMentor_readsTheJournalAsRecordedBeforeTheGrant_andNothingOnceItIsRevoked() {
        Journal mentee = journal();
        mentee.contact("Maya Chen", T0);
        mentee.grant(CALLER, day(10));
        awaitProjections();

        assertThat(ok(list(mentee) + "&asOf=" + day(5)).get("items").findValuesAsText("name"))
                .as("the grant opens the journal, its history included").containsExactly("Maya Chen");

        mentee.revoke(CALLER, day(20));
        assertThat(get(list(mentee) + "&asOf=" + day(15)).getStatusCode())
                .as("the grant is judged now, whatever the moment asked about").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void asOfAfterNow_isBadRequestNamingAsOf() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        awaitProjections();

        for (String uri : new String[] {list(mentee) + "&asOf=" + NOW.plusSeconds(1),
                detail(mentee, maya) + "&asOf=" + NOW.plusSeconds(1)}) {
            JsonNode problem = get(uri).getBody();
            assertThat(problem.get("status").asInt()).as(uri).isEqualTo(400);
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("asOf");
        }
    }
}

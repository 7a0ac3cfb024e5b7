package app.rapport.query.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The interviews on the calendar across a journal's contacts, as Today shows them. */
class ScheduledInterviewsApiTest extends QueryIntegrationTest {

    static final Instant ASKED = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant MARCH_12 = Instant.parse("2026-03-12T15:00:00Z");
    static final Instant MARCH_14 = Instant.parse("2026-03-14T09:30:00Z");
    static final Instant MARCH_9 = Instant.parse("2026-03-09T10:00:00Z");

    @Test
    void listsScheduledAndPreparedInterviews_soonestFirst_withTheContact_andNoneOtherwise() {
        Journal mentee = journal();
        mentee.grant("demo", ASKED);
        Journal.ContactStream ada = mentee.contact("Ada Lovell", ASKED);
        UUID adaLater = ada.request(Channel.EMAIL, 30, "archives work", ASKED);
        ada.accept(adaLater, ASKED).schedule(adaLater, MARCH_14, Channel.VIDEO, "the library's room", ASKED);
        Journal.ContactStream ben = mentee.contact("Ben Okafor", ASKED);
        UUID benSoon = ben.request(Channel.EMAIL, 20, "records", ASKED);
        ben.accept(benSoon, ASKED).schedule(benSoon, MARCH_12, ASKED).prepare(benSoon, ASKED);
        // past its time with no hold recorded: it stays, since it still needs recording
        Journal.ContactStream cy = mentee.contact("Cy Marsh", ASKED);
        UUID cyPast = cy.request(Channel.PHONE, 25, "careers", ASKED);
        cy.accept(cyPast, ASKED).schedule(cyPast, MARCH_9, ASKED);
        // not on the calendar: held, cancelled, only requested, or of an archived contact
        Journal.ContactStream dee = mentee.contact("Dee Young", ASKED);
        UUID held = dee.request(Channel.EMAIL, 30, "museums", ASKED);
        dee.accept(held, ASKED).schedule(held, MARCH_9, ASKED).hold(held, 30, 30, MARCH_9);
        UUID cancelled = dee.request(Channel.EMAIL, 30, "again", ASKED);
        dee.accept(cancelled, ASKED).schedule(cancelled, MARCH_14, ASKED).cancel(cancelled, ASKED);
        dee.request(Channel.EMAIL, 30, "a third", ASKED);
        Journal.ContactStream eve = mentee.contact("Eve Archived", ASKED);
        UUID archived = eve.request(Channel.EMAIL, 30, "gone", ASKED);
        eve.accept(archived, ASKED).schedule(archived, MARCH_12, ASKED).archive(ASKED);
        journal().contact("Someone Else's", ASKED);
        awaitProjections();

        JsonNode answer = ok("/api/interviews/scheduled?owner=" + mentee.owner());

        assertThat(answer.get("total").asLong()).isEqualTo(3);
        JsonNode items = answer.get("items");
        assertThat(items.findValuesAsText("interviewId"))
                .containsExactly(cyPast.toString(), benSoon.toString(), adaLater.toString());
        assertThat(items.findValuesAsText("contactName")).containsExactly("Cy Marsh", "Ben Okafor", "Ada Lovell");
        assertThat(items.findValuesAsText("status")).containsExactly("SCHEDULED", "PREPARED", "SCHEDULED");
        JsonNode later = items.get(2);
        assertThat(later.get("contactId").asText()).isEqualTo(ada.id.toString());
        assertThat(Instant.parse(later.get("scheduledFor").asText())).isEqualTo(MARCH_14);
        assertThat(later.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(later.get("mode").asText()).isEqualTo("VIDEO");
        assertThat(later.get("location").asText()).isEqualTo("the library's room");
        assertThat(later.get("purpose").asText()).isEqualTo("archives work");
    }

    @Test
    void pages_inTheSameOrder() {
        Journal mentee = journal();
        mentee.grant("demo", ASKED);
        for (int day = 20; day > 15; day--) {
            Journal.ContactStream contact = mentee.contact("Contact " + day, ASKED);
            UUID interview = contact.request(Channel.EMAIL, 30, "work", ASKED);
            contact.accept(interview, ASKED).schedule(interview, Instant.parse("2026-03-" + day + "T10:00:00Z"), ASKED);
        }
        awaitProjections();

        JsonNode second = ok("/api/interviews/scheduled?owner=" + mentee.owner() + "&page=1&size=2");

        assertThat(second.get("total").asLong()).isEqualTo(5);
        assertThat(second.get("items").findValuesAsText("contactName")).containsExactly("Contact 18", "Contact 19");
    }

    @Test
    void someoneElsesCalendar_withoutAGrant_isNotFound_andABadSize_isBadRequest() {
        Journal mentee = journal();
        mentee.contact("Ada Lovell", ASKED);
        awaitProjections();

        assertThat(http.getForEntity("/api/interviews/scheduled?owner=" + mentee.owner(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> tooLarge = http.getForEntity("/api/interviews/scheduled?size=201", JsonNode.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}

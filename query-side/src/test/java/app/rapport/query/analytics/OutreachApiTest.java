package app.rapport.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The outreach report's answer over HTTP: one key as before, two keys with {@code keys}, bad groupings 400. */
class OutreachApiTest extends QueryIntegrationTest {

    static final Instant JAN = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-02T09:00:00Z");

    /** Maya (" Data "): an email in January, accepted in 2 h, and a job inquiry; Omar ("data"): a phone call in February. */
    Journal mentee() {
        Journal journal = journal();
        journal.grant("demo", JAN);
        var maya = journal.contact("Maya Chen", "City Archives", " Data ", ContactSource.COLD, Channel.EMAIL, JAN);
        UUID email = maya.request(Channel.EMAIL, 30, "data work", JAN);
        maya.accept(email, JAN.plus(Duration.ofHours(2))).jobInquiry(true, JAN.plus(Duration.ofDays(1)));
        var omar = journal.contact("Omar Haddad", "Museum", "data", ContactSource.EVENT, Channel.PHONE, FEB);
        omar.request(Channel.PHONE, 20, "curation", FEB);
        awaitProjections();
        return journal;
    }

    @Test
    void oneKey_answersAsBefore_withKeyAndNoKeys() {
        Journal mentee = mentee();

        JsonNode report = ok("/api/analytics/outreach?groupBy=specialization&owner=" + mentee.owner());

        assertThat(report.get("groupBy").asText()).isEqualTo("specialization");
        JsonNode row = report.get("rows").get(0);
        assertThat(report.get("rows")).hasSize(1);
        assertThat(row.get("key").asText()).as("the first spelling, without its spaces").isEqualTo("Data");
        assertThat(row.has("keys")).isFalse();
        assertThat(row.get("requests").asLong()).isEqualTo(2);
        assertThat(row.get("jobInquiries").asLong()).isEqualTo(1);
        assertThat(row.get("earlyJobInquiries").asLong()).isEqualTo(1);
        List<String> fields = names(row);
        assertThat(fields).as("the one-key row's fields, in order").containsExactly("key", "requests", "responses",
                "accepted", "declined", "noResponse", "pending", "responseRate", "acceptanceRate",
                "medianHoursToResponse", "held", "overran", "thankYouWithin24h", "nudged", "respondedAfterNudge",
                "responseRateAfterNudge", "lateResponses", "ignoredPreferredChannel", "ignoredPreferredLocation",
                "jobInquiries", "earlyJobInquiries");
    }

    @Test
    void twoKeys_answerWithKeysByName_inTheOrderAsked() {
        Journal mentee = mentee();

        JsonNode report = ok("/api/analytics/outreach?groupBy=channel,month&owner=" + mentee.owner());

        assertThat(report.get("groupBy").asText()).isEqualTo("channel,month");
        JsonNode rows = report.get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).has("key")).isFalse();
        assertThat(names(rows.get(0).get("keys"))).containsExactly("channel", "month");
        assertThat(rows.get(0).get("keys").get("channel").asText()).isEqualTo("EMAIL");
        assertThat(rows.get(0).get("keys").get("month").asText()).isEqualTo("2026-01");
        assertThat(rows.get(0).get("medianHoursToResponse").asDouble()).isEqualTo(2.0);
        assertThat(rows.get(0).get("jobInquiries").isNull()).as("no inquiry by channel").isTrue();
        assertThat(rows.get(1).get("keys").get("channel").asText()).isEqualTo("PHONE");
        assertThat(rows.get(1).get("keys").get("month").asText()).isEqualTo("2026-02");
        assertThat(rows.get(1).get("pending").asLong()).isEqualTo(1);
    }

    @Test
    void twoKeys_withSpecialization_showItsFirstSpelling_andCountJobInquiries() {
        Journal mentee = mentee();

        JsonNode rows = ok("/api/analytics/outreach?groupBy=month,specialization&owner=" + mentee.owner())
                .get("rows");

        assertThat(rows.findValues("keys")).extracting(keys -> keys.get("month").asText() + " "
                + keys.get("specialization").asText()).containsExactly("2026-01 Data", "2026-02 Data");
        assertThat(rows.get(0).get("jobInquiries").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("earlyJobInquiries").asLong()).isEqualTo(1);
        assertThat(rows.get(1).get("jobInquiries").asLong()).isZero();
    }

    @Test
    void badGroupings_areBadRequestNamingGroupBy() {
        for (String groupBy : new String[] {"weather", "channel,weather", "channel,month,source", "channel,channel",
                "month, month", "channel,", ",", "Channel"}) {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/analytics/outreach?groupBy=" + groupBy,
                    JsonNode.class);

            assertThat(response.getStatusCode()).as(groupBy).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("errors").findValuesAsText("field")).as(groupBy)
                    .containsExactly("groupBy");
        }
    }

    @Test
    void aSpaceAfterTheComma_isAllowed() {
        Journal mentee = mentee();

        assertThat(ok("/api/analytics/outreach?groupBy=source, month&owner=" + mentee.owner()).get("groupBy")
                .asText()).isEqualTo("source,month");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

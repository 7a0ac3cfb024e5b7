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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Health on the contact list and detail over HTTP, judged at the fixed clock's now
 * (2026-03-10T12:00Z), and the list's orders.
 */
class ContactsApiTest extends QueryIntegrationTest {

    static final Instant ADDED = Instant.parse("2025-12-01T12:00:00Z");

    /**
     * Ada: never touched (20, COLD, nothing owed). Ben: thanked on Mar 1 (100, STRONG, owed Apr 30).
     * Cy: thanked on Jan 1, 68 days ago (60 × 52/90 + 40 = 74.67: 75, WARM, owed since Mar 2).
     * Dee: asked on Mar 8, not yet judged (80, WARM, nothing owed).
     */
    Journal fourContacts() {
        Journal mentee = journal();
        mentee.grant("demo", ADDED);
        mentee.contact("Ada Lovell", ADDED);
        thanked(mentee.contact("Ben Okafor", ADDED), Instant.parse("2026-03-01T12:00:00Z"));
        thanked(mentee.contact("Cy Marsh", ADDED), Instant.parse("2026-01-01T12:00:00Z"));
        mentee.contact("Dee Young", ADDED).request(Channel.EMAIL, 20, "records", Instant.parse("2026-03-08T12:00:00Z"));
        awaitProjections();
        return mentee;
    }

    static void thanked(Journal.ContactStream contact, Instant thankedAt) {
        UUID interview = contact.request(Channel.EMAIL, 30, "archives work", ADDED);
        contact.accept(interview, ADDED).hold(interview, 30, 30, thankedAt.minusSeconds(3600)).thank(interview, thankedAt);
    }

    @Test
    void everySummary_carriesItsHealth_judgedNow() {
        Journal mentee = fourContacts();

        JsonNode items = ok("/api/contacts?owner=" + mentee.owner()).get("items");

        assertThat(items.findValuesAsText("name")).as("the default order, by name, is unchanged")
                .containsExactly("Ada Lovell", "Ben Okafor", "Cy Marsh", "Dee Young");
        assertThat(items.findValues("health")).extracting(h -> h.get("score").asInt())
                .containsExactly(20, 100, 75, 80);
        assertThat(items.findValues("health")).extracting(h -> h.get("band").asText())
                .containsExactly("COLD", "STRONG", "WARM", "WARM");
        assertThat(items.get(2).get("health").get("reasons").get(0).asText())
                .isEqualTo("no touch for 68 days, past its 60-day cadence");
    }

    @Test
    void theDetail_carriesTheSameHealth() {
        Journal mentee = fourContacts();
        JsonNode cy = ok("/api/contacts?owner=" + mentee.owner()).get("items").get(2);

        JsonNode detail = ok("/api/contacts/" + cy.get("contactId").asText() + "?owner=" + mentee.owner());

        assertThat(detail.get("health")).isEqualTo(cy.get("health"));
    }

    @Test
    void sortByHealth_listsTheWeakestFirst_andPages() {
        Journal mentee = fourContacts();
        String uri = "/api/contacts?sort=health&owner=" + mentee.owner();

        assertThat(ok(uri).get("items").findValuesAsText("name"))
                .containsExactly("Ada Lovell", "Cy Marsh", "Dee Young", "Ben Okafor");
        JsonNode second = ok(uri + "&size=2&page=1");
        assertThat(second.get("items").findValuesAsText("name")).containsExactly("Dee Young", "Ben Okafor");
        assertThat(second.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void aPageByName_judgesItsContactsAsTheWholeListDoes() {
        Journal mentee = fourContacts();
        String uri = "/api/contacts?owner=" + mentee.owner();
        JsonNode all = ok(uri).get("items");

        JsonNode second = ok(uri + "&size=2&page=1");

        assertThat(second.get("items")).containsExactly(all.get(2), all.get(3));
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(ok(uri + "&size=2&page=2").get("total").asLong()).isEqualTo(4);
    }

    @Test
    void sortByNextDue_listsTheTouchOwedSoonestFirst_andThoseOwedNoneLast() {
        Journal mentee = fourContacts();

        assertThat(ok("/api/contacts?sort=nextDue&owner=" + mentee.owner()).get("items").findValuesAsText("name"))
                .containsExactly("Cy Marsh", "Ben Okafor", "Ada Lovell", "Dee Young");
    }

    @Test
    void sortByNextDue_keepsTheStageAndSearchFilters() {
        Journal mentee = fourContacts();

        assertThat(ok("/api/contacts?sort=nextDue&stage=CONNECTED&q=m&owner=" + mentee.owner()).get("items")
                .findValuesAsText("name")).containsExactly("Cy Marsh");
    }

    @Test
    void anUnknownSort_isBadRequestNamingSort() {
        for (String sort : new String[] {"weather", "HEALTH", "name,health", "-health"}) {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/contacts?sort=" + sort, JsonNode.class);

            assertThat(response.getStatusCode()).as(sort).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("sort");
        }
    }
}

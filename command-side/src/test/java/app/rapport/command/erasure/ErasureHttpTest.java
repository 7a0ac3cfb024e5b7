package app.rapport.command.erasure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.platform.privacy.Erasures;
import app.rapport.platform.privacy.Erasures.ErasedSubject;
import app.rapport.testsupport.TestUsers;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure over HTTP against PostgreSQL: a contact's ({@code POST /api/contacts/{id}/erasure}), an
 * account's ({@code DELETE /api/account}, all or nothing), and erasures applied again after a
 * restore ({@code POST /api/admin/erasures}, and at start-up). A context of its own, since an
 * erased account stays erased for every later test on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.app.rapport.command.erasure=DEBUG")
class ErasureHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String CONTACT_ERASED = "app.rapport.events.contact.ContactErased";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Erasures erasures;
    @Autowired
    @Qualifier("contactCache")
    Cache contactCache;
    @Autowired
    ErasuresAtStartUp startUp;

    final Instant earlier = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void erasingAContact_answersItsVersionAndPosition_andStoresContactErased() {
        UUID contact = addContact(TestUsers.DEMO, "Lin Chen");
        send(TestUsers.DEMO, HttpMethod.POST, "/api/contacts/" + contact + "/follow-ups",
                "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"note\":\"coffee soon?\"}");

        ResponseEntity<Map<String, Object>> erased = erase(TestUsers.DEMO, contact);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("contactId", contact.toString()).containsEntry("version", 3);
        assertThat(erased.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(types(contact)).last().isEqualTo(CONTACT_ERASED);
        assertThat(((Number) erased.getBody().get("position")).longValue()).isEqualTo(lastPosition(contact));
        assertThat(erasures.isContactErased(contact)).isTrue();
    }

    @Test
    void aRetriedErasure_isAnsweredAsTheFirst_andStoresNothing() {
        UUID contact = addContact(TestUsers.DEMO, "Retried Erasure");
        ResponseEntity<Map<String, Object>> first = erase(TestUsers.DEMO, contact);

        ResponseEntity<Map<String, Object>> again = erase(TestUsers.DEMO, contact);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(types(contact)).hasSize(2);
    }

    @Test
    void everyCommandOnAnErasedContact_is404() {
        UUID contact = addContact(TestUsers.DEMO, "Forgotten Person");
        UUID interview = UUID.randomUUID();
        String c = "/api/contacts/" + contact;
        assertThat(send(TestUsers.DEMO, HttpMethod.POST, c + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":20,"purpose":"x"}""".formatted(interview))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        erase(TestUsers.DEMO, contact);

        List<ResponseEntity<Map<String, Object>>> answers = List.of(
                send(TestUsers.DEMO, HttpMethod.PATCH, c, "{\"role\":\"Archivist\"}"),
                send(TestUsers.DEMO, HttpMethod.PUT, c + "/cadence", "{\"days\":30}"),
                send(TestUsers.DEMO, HttpMethod.POST, c + "/interviews/" + interview + "/response",
                        "{\"outcome\":\"ACCEPTED\"}"),
                send(TestUsers.DEMO, HttpMethod.POST, c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\"}"),
                send(TestUsers.DEMO, HttpMethod.POST, c + "/archive", null),
                send(TestUsers.DEMO, HttpMethod.POST, "/api/contacts", """
                        {"contactId":"%s","name":"Forgotten Person","source":"COLD"}""".formatted(contact)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).containsEntry("type", "/problems/contact-not-found");
        });
        assertThat(types(contact)).hasSize(3);
    }

    // the directory LinkReferral asks finds the erased contact in no journal
    @Test
    void aReferralLinkToAnErasedContact_is404() {
        UUID referrer = addContact(TestUsers.DEMO, "Referrer");
        UUID erased = addContact(TestUsers.DEMO, "Erased Referral");
        erase(TestUsers.DEMO, erased);

        ResponseEntity<Map<String, Object>> answer = send(TestUsers.DEMO, HttpMethod.POST,
                "/api/contacts/" + referrer + "/referrals/links", "{\"referredContactId\":\"%s\"}".formatted(erased));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(types(referrer)).hasSize(1);
    }

    @Test
    void erasingAnotherNetworkersContact_is404_andErasesNothing() {
        UUID contact = addContact(TestUsers.DEMO, "Not Alice's");

        ResponseEntity<Map<String, Object>> answer = erase(TestUsers.ALICE, contact);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(types(contact)).hasSize(1);
        assertThat(erasures.isContactErased(contact)).isFalse();
    }

    @Test
    void anErasureWithoutAReason_isABadRequestNamingIt() {
        UUID contact = addContact(TestUsers.DEMO, "No Reason");

        ResponseEntity<Map<String, Object>> answer = send(TestUsers.DEMO, HttpMethod.POST,
                "/api/contacts/" + contact + "/erasure", "{}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(answer)).containsExactly("reason");
        assertThat(types(contact)).hasSize(1);
    }

    @Test
    void anAccountErasure_withoutTheCallersOwnUsername_isABadRequestSayingWhatToSend() {
        UUID contact = addContact(TestUsers.MENTOR, "Kept");

        ResponseEntity<Map<String, Object>> none = send(TestUsers.MENTOR, HttpMethod.DELETE, "/api/account", null);
        ResponseEntity<Map<String, Object>> other = send(TestUsers.MENTOR, HttpMethod.DELETE,
                "/api/account?confirm=" + TestUsers.DEMO, null);

        for (ResponseEntity<Map<String, Object>> answer : List.of(none, other)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) answer.getBody().get("detail")).contains("?confirm=" + TestUsers.MENTOR);
            assertThat(fields(answer)).containsExactly("confirm");
        }
        assertThat(types(contact)).hasSize(1);
        assertThat(erasures.isNetworkerErased(TestUsers.MENTOR)).isFalse();
    }

    @Test
    void anAccountErasure_erasesEveryContactAndTheAccount_andARetryErasesNothingMore() {
        String bob = TestUsers.BOB;
        UUID first = addContact(bob, "First Contact");
        UUID second = addContact(bob, "Second Contact");
        UUID erasedBefore = addContact(bob, "Erased Before");
        erase(bob, erasedBefore);
        assertThat(send(bob, HttpMethod.PUT, "/api/profile", "{\"displayName\":\"Bob B.\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(bob, HttpMethod.PUT, "/api/mentors/" + TestUsers.MENTOR, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        UUID demos = addContact(TestUsers.DEMO, "Someone Else's");

        ResponseEntity<Map<String, Object>> erased = send(bob, HttpMethod.DELETE, "/api/account?confirm=" + bob, null);

        assertThat(erased.getStatusCode()).as("%s", erased.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("username", bob).containsEntry("contactsErased", 2)
                .containsEntry("contactsAlreadyErased", 1).containsEntry("version", 3);
        assertThat(((Number) erased.getBody().get("position")).longValue()).isEqualTo(lastPosition(bob));
        assertThat(types(bob)).last().isEqualTo("app.rapport.events.networker.AccountErased");
        for (UUID contact : List.of(first, second, erasedBefore)) {
            assertThat(types(contact)).last().isEqualTo(CONTACT_ERASED);
            assertThat(types(contact).stream().filter(CONTACT_ERASED::equals)).hasSize(1);
            assertThat(erasures.isContactErased(contact)).isTrue();
        }
        assertThat(erasures.isNetworkerErased(bob)).isTrue();
        assertThat(types(demos)).hasSize(1);
        assertThat(send(bob, HttpMethod.PATCH, "/api/contacts/" + first, "{\"role\":\"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(bob, HttpMethod.PUT, "/api/profile", "{\"displayName\":\"Bob again\"}").getBody())
                .containsEntry("type", "/problems/account-erased");

        ResponseEntity<Map<String, Object>> again = send(bob, HttpMethod.DELETE, "/api/account?confirm=" + bob, null);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("contactsErased", 0).containsEntry("contactsAlreadyErased", 3)
                .containsEntry("version", 3).containsEntry("position", erased.getBody().get("position"));
    }

    /**
     * The store refuses the account's own erasure (a trigger stands in for a failure at the last
     * step), after a first chunk of contact erasures was appended: nothing of the erasure is
     * stored, no key is deleted, and the contacts, dropped from the cache, answer commands as before.
     */
    @Test
    void anAccountErasure_isAllOrNothing() {
        String carol = TestUsers.CAROL;
        List<UUID> contacts = new java.util.ArrayList<>();
        for (int i = 0; i <= ErasureUnit.CHUNK; i++) {
            contacts.add(addContact(carol, "Kept " + i));
        }
        jdbc.execute("""
                CREATE FUNCTION refuse_carols_erasure() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql""");
        jdbc.execute("""
                CREATE TRIGGER refuse_carols_erasure BEFORE INSERT ON domain_event_entry FOR EACH ROW
                WHEN (NEW.aggregate_identifier = 'carol' AND NEW.payload_type LIKE '%AccountErased')
                EXECUTE FUNCTION refuse_carols_erasure()""");
        ResponseEntity<Map<String, Object>> failed;
        try {
            failed = send(carol, HttpMethod.DELETE, "/api/account?confirm=" + carol, null);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_carols_erasure ON domain_event_entry");
            jdbc.execute("DROP FUNCTION refuse_carols_erasure()");
        }

        assertThat(failed.getStatusCode()).isNotEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? "
                + "AND aggregate_identifier = ANY (?)", Long.class, CONTACT_ERASED,
                contacts.stream().map(UUID::toString).toArray(String[]::new))).isZero();
        for (UUID contact : List.of(contacts.get(0), contacts.get(contacts.size() - 1))) {
            assertThat(erasures.isContactErased(contact)).isFalse();
            assertThat(send(carol, HttpMethod.PATCH, "/api/contacts/" + contact, "{\"role\":\"Still here\"}")
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(erasures.isNetworkerErased(carol)).isFalse();

        ResponseEntity<Map<String, Object>> erased = send(carol, HttpMethod.DELETE, "/api/account?confirm=" + carol, null);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("contactsErased", contacts.size());
    }

    @Test
    void anErasureLostByARestore_isAppliedAgainFromTheListAnAdminPosts() {
        UUID contact = addContact(TestUsers.ALICE, "Restored Too Soon");
        erase(TestUsers.ALICE, contact);
        String list = listAsTheQuerySideAnswersIt();
        forgetTheErasureAsARestoreWould(contact);

        ResponseEntity<Map<String, Object>> applied = send(TestUsers.DEMO, HttpMethod.POST, "/api/admin/erasures", list);

        assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(applied.getBody().get("applied")).isEqualTo(1);
        assertThat(types(contact)).last().isEqualTo(CONTACT_ERASED);
        assertThat(send(TestUsers.ALICE, HttpMethod.PATCH, "/api/contacts/" + contact, "{\"role\":\"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map<String, Object>> again = send(TestUsers.DEMO, HttpMethod.POST, "/api/admin/erasures", list);

        assertThat(again.getBody()).containsEntry("applied", 0);
        assertThat(types(contact).stream().filter(CONTACT_ERASED::equals)).hasSize(1);
    }

    @Test
    void onlyAnAdminAppliesErasures() {
        ResponseEntity<Map<String, Object>> answer = send(TestUsers.ALICE, HttpMethod.POST, "/api/admin/erasures",
                "{\"items\":[]}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aListNamingAnotherOwner_isRefused_andNothingOfItIsApplied() {
        UUID contact = addContact(TestUsers.ALICE, "Owned By Alice");
        UUID other = addContact(TestUsers.ALICE, "Also Alice's");
        String list = """
                {"items":[{"contactId":"%s","ownerId":"alice","erasedAt":"%s"},
                          {"contactId":"%s","ownerId":"bob","erasedAt":"%s"}]}"""
                .formatted(contact, earlier, other, earlier);

        ResponseEntity<Map<String, Object>> answer = send(TestUsers.DEMO, HttpMethod.POST, "/api/admin/erasures", list);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(answer)).containsExactly("items[1].ownerId");
        assertThat(types(contact)).hasSize(1);
        assertThat(erasures.isContactErased(contact)).isFalse();
    }

    @Test
    void anErasureLostByARestore_isAppliedAgainAtStartUp() {
        UUID contact = addContact(TestUsers.ALICE, "Erased Before The Restart");
        erase(TestUsers.ALICE, contact);
        forgetTheErasureAsARestoreWould(contact);
        assertThat(types(contact)).doesNotContain(CONTACT_ERASED);

        startUp.reconcile();

        assertThat(types(contact)).last().isEqualTo(CONTACT_ERASED);
        assertThat(send(TestUsers.ALICE, HttpMethod.POST, "/api/contacts/" + contact + "/archive", null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // the key store restored from a backup older than the erasure, the events not
    @Test
    void anErasureTheKeyStoreLost_isListedAgainAtStartUp() {
        UUID contact = addContact(TestUsers.ALICE, "Key Store Restored");
        erase(TestUsers.ALICE, contact);
        jdbc.update("DELETE FROM erased_subject WHERE subject = ?", "contact:" + contact);
        assertThat(erasures.isContactErased(contact)).isFalse();

        startUp.reconcile();

        assertThat(erasures.isContactErased(contact)).isTrue();
        assertThat(types(contact).stream().filter(CONTACT_ERASED::equals)).hasSize(1);
    }

    /**
     * An import matches people by the emails and profile URLs of the journal's contacts, which are
     * stored encrypted: a second file with the same people (other bytes, another import) changes
     * nothing. Once one of them is erased, the same file again still changes nothing (the erased
     * contact keeps the id its row gave it), while the other file adds the erased person anew:
     * their email matches nobody any more.
     */
    @Test
    void anImportMatchesOnEncryptedDetails_andNoLongerOnAnErasedContactsEmail() {
        String owner = TestUsers.MENTOR;
        String header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        String ada = "Ada,Lovelace,https://www.linkedin.com/in/ada-erasure,ada.erasure@example.org,Engines,Archivist,";
        String grace = "Grace,Hopper,https://www.linkedin.com/in/grace-erasure,grace.erasure@example.org,Navy,Admiral,";
        String file = header + ada + "15 Mar 2024\n" + grace + "02 Jan 2023\n";
        String samepeople = header + grace + "03 Jan 2023\n" + ada + "16 Mar 2024\n";

        ResponseEntity<Map<String, Object>> imported = importLinkedIn(owner, file);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(importLinkedIn(owner, samepeople).getBody()).containsEntry("created", 0).containsEntry("unchanged", 2);

        UUID adaId = UUID.nameUUIDFromBytes(("rapport-import-contact\n" + imported.getBody().get("importId") + "\n1")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(erase(owner, adaId).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> again = importLinkedIn(owner, file);
        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("unchanged", 2);
        ResponseEntity<Map<String, Object>> other = importLinkedIn(owner, samepeople);
        assertThat(other.getBody()).containsEntry("created", 1).containsEntry("unchanged", 1);
    }

    private ResponseEntity<Map<String, Object>> importLinkedIn(String user, String file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth(user, TestUsers.passwordOf(user)).exchange("/api/imports?format=linkedin",
                HttpMethod.POST, new HttpEntity<>(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), JSON);
    }

    // GET /api/admin/erasures (the query side) answers Erasures.erased() as these items
    private String listAsTheQuerySideAnswersIt() {
        StringBuilder items = new StringBuilder();
        for (ErasedSubject erased : erasures.erased()) {
            items.append(items.isEmpty() ? "" : ",").append("{\"contactId\":")
                    .append(erased.contactId() == null ? "null" : "\"" + erased.contactId() + "\"")
                    .append(",\"ownerId\":\"").append(erased.ownerId()).append("\",\"erasedAt\":\"")
                    .append(erased.erasedAt()).append("\"}");
        }
        return "{\"items\":[" + items + "]}";
    }

    /**
     * The events as a backup taken before the erasure holds them: the contact's stream without its
     * last event, and an app that has not cached the contact (it was started on the restored store).
     */
    private void forgetTheErasureAsARestoreWould(UUID contact) {
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                contact.toString(), CONTACT_ERASED);
        contactCache.remove(contact.toString());
    }

    private UUID addContact(String user, String name) {
        UUID id = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> answer = send(user, HttpMethod.POST, "/api/contacts", """
                {"contactId":"%s","name":"%s","source":"COLD","email":"%s@example.org","at":"%s"}"""
                .formatted(id, name, id, earlier));
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private ResponseEntity<Map<String, Object>> erase(String user, UUID contact) {
        return send(user, HttpMethod.POST, "/api/contacts/" + contact + "/erasure", "{\"reason\":\"asked to be forgotten\"}");
    }

    private ResponseEntity<Map<String, Object>> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, TestUsers.passwordOf(user))
                .exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private List<String> types(Object aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, aggregate.toString());
    }

    private long lastPosition(Object aggregate) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ResponseEntity<Map<String, Object>> answer) {
        return ((List<Map<String, Object>>) answer.getBody().get("errors")).stream()
                .map(error -> (String) error.get("field")).toList();
    }
}

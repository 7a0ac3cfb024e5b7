package app.rapport.command.networker;

import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook registrations over HTTP against PostgreSQL: the secret is answered once, in the 201 of
 * a new webhook, and is stored only encrypted; a PUT again replaces the url and keeps the secret;
 * URLs that lead inside the server's network are refused before anything is recorded. Each test
 * names its own webhooks, since the tests share one database and user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String USER = TestUsers.CAROL;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    static String name() {
        return "hook-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResponseEntity<Map<String, Object>> put(String user, String name, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, TestUsers.passwordOf(user))
                .exchange("/api/webhooks/" + name, HttpMethod.PUT, new HttpEntity<>(body, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> delete(String user, String name) {
        return http.withBasicAuth(user, TestUsers.passwordOf(user))
                .exchange("/api/webhooks/" + name, HttpMethod.DELETE, HttpEntity.EMPTY, JSON);
    }

    private List<String> storedRegistrationsOf(String name) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%Webhook%'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'name' = ? ORDER BY sequence_number""",
                String.class, USER, name);
    }

    @Test
    void put_createsTheWebhook_answering201WithItsSecretOnce_andStoresTheSecretEncrypted() {
        String name = name();
        ResponseEntity<Map<String, Object>> created = put(USER, name,
                "{\"url\":\"https://93.184.216.34/rapport\",\"events\":[\"ContactAdded\"]}");

        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String secret = (String) created.getBody().get("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/webhooks");
        assertThat(created.getBody()).containsEntry("name", name).containsEntry("url", "https://93.184.216.34/rapport")
                .containsEntry("events", List.of("ContactAdded")).containsKeys("version", "position");
        List<String> stored = storedRegistrationsOf(name);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).contains("encrypted:v1:networker:" + USER).doesNotContain(secret.substring(6));
    }

    @Test
    void aSecondPut_replacesTheUrl_keepsTheSecret_andShowsItNoMore() {
        String name = name();
        put(USER, name, "{\"url\":\"https://93.184.216.34/one\"}");

        ResponseEntity<Map<String, Object>> replaced = put(USER, name, "{\"url\":\"https://93.184.216.34/two\"}");
        ResponseEntity<Map<String, Object>> again = put(USER, name, "{\"url\":\"https://93.184.216.34/two\"}");

        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getBody()).containsEntry("url", "https://93.184.216.34/two").doesNotContainKey("secret");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).doesNotContainKey("secret");
        assertThat(storedRegistrationsOf(name)).as("the same registration again records nothing").hasSize(2);
    }

    @Test
    void delete_removesTheWebhook_andAgainChangesNothing() {
        String name = name();
        put(USER, name, "{\"url\":\"https://93.184.216.34/one\"}");

        assertThat(delete(USER, name).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delete(USER, name).getStatusCode()).isEqualTo(HttpStatus.OK);

        List<String> stored = storedRegistrationsOf(name);
        assertThat(stored).hasSize(2);
        assertThat(jdbc.queryForObject("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""", String.class, USER)).endsWith("WebhookRemoved");
    }

    @Test
    void urlsThatLeadInside_orAreNotHttps_areRefused400_andNothingIsRecorded() {
        for (String url : List.of("https://10.0.0.8/x", "https://192.168.0.1/x", "https://169.254.169.254/latest",
                "https://[fd00::1]/x", "https://0.0.0.0/x", "https://127.0.0.1/x", "http://127.0.0.1:9/x",
                "https://localhost/x", "http://93.184.216.34/x", "ftp://93.184.216.34/x", "https://user:pw@93.184.216.34/x",
                "/relative", "https://no-such-host.invalid/x")) {
            String name = name();
            ResponseEntity<Map<String, Object>> refused = put(USER, name, "{\"url\":\"" + url + "\"}");

            assertThat(refused.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as(url).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("errors").toString()).as(url).contains("url");
            assertThat(storedRegistrationsOf(name)).as(url).isEmpty();
        }
    }

    @Test
    void unknownEventTypes_missingUrls_andBadNames_areRefused400() {
        assertThat(put(USER, name(), "{\"url\":\"https://93.184.216.34/x\",\"events\":[\"NoSuchEvent\"]}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put(USER, name(), "{\"events\":[]}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String tooMany = String.join(",", java.util.Collections.nCopies(101, "\"ContactAdded\""));
        ResponseEntity<Map<String, Object>> refused = put(USER, name(),
                "{\"url\":\"https://93.184.216.34/x\",\"events\":[" + tooMany + "]}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("events");
        assertThat(put(USER, "no%20spaces", "{\"url\":\"https://93.184.216.34/x\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMentor_cannotRegisterOrRemoveAMenteesWebhooks() {
        String name = name();
        ResponseEntity<Map<String, Object>> put = put(TestUsers.MENTOR, name + "?owner=" + USER,
                "{\"url\":\"https://93.184.216.34/x\"}");
        ResponseEntity<Map<String, Object>> delete = delete(TestUsers.MENTOR, name + "?owner=" + USER);

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(storedRegistrationsOf(name)).isEmpty();
    }
}

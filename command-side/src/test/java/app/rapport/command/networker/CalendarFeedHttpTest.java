package app.rapport.command.networker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestUsers;
import app.rapport.values.CalendarFeedToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The calendar feed's commands over HTTP against PostgreSQL: the URL is answered once and only its
 * token's hash is stored, a new PUT replaces the token, DELETE revokes it, and a mentor cannot
 * make or close someone else's feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarFeedHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    /** The one test user no other command-side test writes for: the tests share one database. */
    private static final String FEEDER = TestUsers.CAROL;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void put_answersAPrivateUrl_andStoresOnlyTheHashOfItsToken() {
        ResponseEntity<Map<String, Object>> created = send(HttpMethod.PUT, "/api/calendar-feed", FEEDER);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        String url = (String) created.getBody().get("url");
        assertThat(url).matches("http://localhost:" + port + "/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String token = tokenOf(url);
        List<String> stored = feedEventsOf(FEEDER);
        assertThat(stored.get(stored.size() - 1)).contains(CalendarFeedToken.hashOf(token)).doesNotContain(token);
        assertThat(created.getBody()).containsEntry("username", FEEDER).containsKeys("version", "position");
    }

    @Test
    void aSecondPut_answersANewUrl_whoseTokenReplacesTheFirst() {
        String first = (String) send(HttpMethod.PUT, "/api/calendar-feed", FEEDER).getBody().get("url");
        String second = (String) send(HttpMethod.PUT, "/api/calendar-feed", FEEDER).getBody().get("url");

        assertThat(second).isNotEqualTo(first);
        List<String> stored = feedEventsOf(FEEDER);
        assertThat(stored.get(stored.size() - 1)).contains(CalendarFeedToken.hashOf(tokenOf(second)));
    }

    @Test
    void delete_revokesTheFeed_andAgainChangesNothing() {
        send(HttpMethod.PUT, "/api/calendar-feed", FEEDER);
        int before = feedEventsOf(FEEDER).size();

        assertThat(send(HttpMethod.DELETE, "/api/calendar-feed", FEEDER).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.DELETE, "/api/calendar-feed", FEEDER).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        List<String> stored = feedEventsOf(FEEDER);
        assertThat(stored).hasSize(before + 1);
        assertThat(stored.get(stored.size() - 1)).contains("CalendarFeedRevoked");
    }

    @Test
    void aMentor_cannotCreateOrRevokeAMenteesFeed() {
        String path = "/api/calendar-feed?owner=" + TestUsers.DEMO;

        ResponseEntity<Map<String, Object>> put = send(HttpMethod.PUT, path, TestUsers.MENTOR);
        ResponseEntity<Map<String, Object>> delete = send(HttpMethod.DELETE, path, TestUsers.MENTOR);

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withoutSignIn_isUnauthorized() {
        assertThat(http.exchange("/api/calendar-feed" + "?x=" + UUID.randomUUID(), HttpMethod.PUT, HttpEntity.EMPTY, JSON)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, String user) {
        return http.withBasicAuth(user, TestUsers.passwordOf(user)).exchange(path, method, HttpEntity.EMPTY, JSON);
    }

    private List<String> feedEventsOf(String networker) {
        return jdbc.queryForList("""
                SELECT payload_type || ' ' || convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%CalendarFeed%' ORDER BY sequence_number""",
                String.class, networker);
    }

    private static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }
}

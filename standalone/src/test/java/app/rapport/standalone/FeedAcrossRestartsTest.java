package app.rapport.standalone;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal followed from outside across a restart of the query side, in the split deployment:
 * a feed consumer that keeps {@code next} and a webhook endpoint both see every event exactly once
 * by id, in the order of the store, though the query side was down while events were recorded.
 */
class FeedAcrossRestartsTest {

    private static final String[] QUERY_SETTINGS = {"--rapport.webhooks.allow-loopback=true",
            "--rapport.webhooks.poll-interval=PT0.1S", "--rapport.webhooks.first-retry=PT0.2S",
            "--rapport.webhooks.longest-retry=PT0.5S"};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A consumer that remembers only {@code next}, as a tool would in a file. */
    private static final class Consumer {
        long next;
        final List<String> seen = new ArrayList<>();

        void catchUp(RestTemplate query) throws Exception {
            while (true) {
                ResponseEntity<String> answer = query.getForEntity("/api/events?limit=2&after=" + next, String.class);
                assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
                JsonNode page = JSON.readTree(answer.getBody());
                page.get("items").forEach(item -> seen.add(item.get("id").asText()));
                long was = next;
                next = page.get("next").asLong();
                if (page.get("items").isEmpty() && next == was) {
                    return;
                }
            }
        }
    }

    @Test
    void aFeedConsumerAndAWebhook_seeEveryEventOnce_acrossARestartOfTheQuerySide() throws Exception {
        TestDatabase database = TestDatabases.create();
        List<String> received = new ArrayList<>();
        List<String> unsigned = new ArrayList<>();
        byte[][] key = new byte[1][];
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean signed = verified(key[0], id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            synchronized (received) {
                (signed ? received : unsigned).add(id);
            }
            exchange.sendResponseHeaders(signed ? 200 : 401, -1);
            exchange.close();
        });
        endpoint.start();
        String hook = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
        Consumer consumer = new Consumer();

        try (ConfigurableApplicationContext command = SplitApps.start(CommandSideApplication.class, database,
                "--rapport.webhooks.allow-loopback=true")) {
            RestTemplate alice = SplitApps.client(command, TestUsers.ALICE);
            ResponseEntity<Map> created = alice.exchange("/api/webhooks/crm", org.springframework.http.HttpMethod.PUT,
                    new org.springframework.http.HttpEntity<>(Map.of("url", hook)), Map.class);
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            String secret = (String) created.getBody().get("secret");
            key[0] = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            long registeredAt = ((Number) created.getBody().get("position")).longValue();

            try (ConfigurableApplicationContext query = SplitApps.start(QuerySideApplication.class, database,
                    QUERY_SETTINGS)) {
                addContacts(alice, 0, 3);
                consumer.catchUp(SplitApps.client(query, TestUsers.ALICE));
                awaitReceived(received, 3);
            }
            addContacts(alice, 3, 6);
            try (ConfigurableApplicationContext query = SplitApps.start(QuerySideApplication.class, database,
                    QUERY_SETTINGS)) {
                consumer.catchUp(SplitApps.client(query, TestUsers.ALICE));
                awaitReceived(received, 6);

                JdbcTemplate jdbc = query.getBean(JdbcTemplate.class);
                List<String> journal = jdbc.queryForList("""
                        SELECT event_identifier FROM domain_event_entry
                        WHERE aggregate_identifier = ? OR position(?::bytea IN payload) > 0 ORDER BY global_index""",
                        String.class, TestUsers.ALICE, "\"ownerId\":\"alice\"".getBytes(StandardCharsets.UTF_8));
                List<String> afterRegistration = jdbc.queryForList("""
                        SELECT event_identifier FROM domain_event_entry
                        WHERE global_index > ? AND position(?::bytea IN payload) > 0 ORDER BY global_index""",
                        String.class, registeredAt, "\"ownerId\":\"alice\"".getBytes(StandardCharsets.UTF_8));
                assertThat(consumer.seen).as("the feed: every event once, in order").containsExactlyElementsOf(journal);
                Set<String> delivered;
                synchronized (received) {
                    delivered = new LinkedHashSet<>(received);
                    assertThat(unsigned).isEmpty();
                }
                assertThat(new ArrayList<>(delivered)).as("the webhook: every event once by id, in order")
                        .containsExactlyElementsOf(afterRegistration);
            }
        } finally {
            endpoint.stop(0);
        }
    }

    private static void addContacts(RestTemplate alice, int from, int to) {
        for (int i = from; i < to; i++) {
            ResponseEntity<String> added = alice.postForEntity("/api/contacts",
                    Map.of("name", "Contact " + i, "source", "COLD"), String.class);
            assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
        }
    }

    private static void awaitReceived(List<String> received, int distinct) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            synchronized (received) {
                return new LinkedHashSet<>(received).size() >= distinct;
            }
        });
    }

    private static boolean verified(byte[] key, String id, String timestamp, String signature, byte[] body) {
        if (key == null || id == null || timestamp == null || signature == null || !signature.startsWith("v1,")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(mac.doFinal(body), Base64.getDecoder().decode(signature.substring(3)));
        } catch (Exception e) {
            return false;
        }
    }
}

package app.rapport.query.webhooks;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.events.networker.WebhookRemoved;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to a real HTTP endpoint on loopback (allowed here, as in local development), with
 * retries a few hundred milliseconds apart: every request signed, failures retried, an endpoint
 * that goes away and comes back receiving every event exactly once by id, in the order of the
 * store. The webhooks are registered by appending their events, as the command side would.
 */
@TestPropertySource(properties = {"rapport.webhooks.allow-loopback=true", "rapport.webhooks.poll-interval=PT0.1S",
        "rapport.webhooks.first-retry=PT0.2S", "rapport.webhooks.longest-retry=PT0.4S",
        "rapport.webhooks.failing-after=PT1S", "rapport.webhooks.timeout=PT2S"})
class WebhookDeliveryTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    /** A networker's own stream, appended to directly. */
    final class Networker {
        final Journal journal;
        long sequence;

        /** One of the configured users, a different one per test: the list is read as its owner. */
        Networker(String username) {
            journal = journal(username);
        }

        String owner() {
            return journal.owner();
        }

        void append(Object event) {
            transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                    "Networker", owner(), sequence++, event, MetaData.with("actor", owner()), UUID.randomUUID().toString(),
                    T0)));
        }

        void register(String name, String url, List<String> events, String secret) {
            append(new WebhookRegistered(owner(), name, url, events, secret, T0));
        }
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The owner's webhooks as GET /api/webhooks lists them, read as the owner. */
    JsonNode listed(String owner) {
        String answer = http.withBasicAuth(owner, TestUsers.passwordOf(owner)).getForObject("/api/webhooks", String.class);
        try {
            return JSON.readTree(answer);
        } catch (Exception e) {
            throw new AssertionError(answer, e);
        }
    }

    /** The ids of the owner's events after a position, in the order of the store. */
    List<String> eventIdsAfter(String owner, long position) {
        return jdbc.queryForList("""
                SELECT event_identifier FROM domain_event_entry WHERE global_index > ?
                  AND (aggregate_identifier = ? OR position(?::bytea IN payload) > 0) ORDER BY global_index""",
                String.class, position, owner, ("\"ownerId\":\"" + owner + "\"").getBytes());
    }

    long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    /**
     * A replay rebuilds the registrations beside the live ones and leaves the delivery state as it
     * is: the webhook stays registered throughout, nothing delivered is sent again, and what is
     * recorded after it is delivered.
     */
    @Test
    void aReplay_sendsNothingAgain_andTheWebhookStaysRegisteredThroughout() throws Exception {
        String secret = newSecret();
        Networker someone = new Networker("replayed-" + UUID.randomUUID().toString().substring(0, 8));
        // a history before the registration, so that a replay takes a while to come to it again
        Networker busy = new Networker("busy-" + UUID.randomUUID().toString().substring(0, 8));
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 3_000; i++) {
                busy.append(new WebhookRemoved(busy.owner(), "none", T0));
            }
        });
        try (Receiver receiver = new Receiver(secret).start()) {
            someone.register("crm", receiver.url(), List.of(), secret);
            long registered = head();
            for (int i = 0; i < 3; i++) {
                someone.journal.contact("Before " + i, T0.plusSeconds(i));
            }
            await(PATIENCE, () -> receiver.distinct().size() == 3);

            assertThat(http.postForEntity("/api/admin/replay?processor=all", null, JsonNode.class).getStatusCode().value())
                    .isEqualTo(202);
            while (replaying()) {
                assertThat(registrations(someone.owner())).isEqualTo(1);
            }
            someone.journal.contact("After", T0.plusSeconds(10));
            await(PATIENCE, () -> receiver.distinct().size() == 4);

            assertThat(receiver.accepted()).as("each event once, in the order of the store")
                    .containsExactlyElementsOf(eventIdsAfter(someone.owner(), registered));
            assertThat(registrations(someone.owner())).isEqualTo(1);
        }
    }

    private boolean replaying() {
        JsonNode status = http.getForObject("/api/admin/replay", JsonNode.class);
        return java.util.stream.StreamSupport.stream(status.spliterator(), false)
                .anyMatch(processor -> processor.get("replaying").asBoolean());
    }

    private long registrations(String owner) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook WHERE owner_id = ?", Long.class, owner);
    }

    @Test
    void everyEvent_arrivesSignedOnceById_inOrder_throughFailuresAndAnEndpointThatWasAway() throws Exception {
        String secret = newSecret();
        Networker ada = new Networker(TestUsers.ALICE);
        try (Receiver receiver = new Receiver(secret).start()) {
            receiver.failNext(3);
            ada.register("crm", receiver.url(), List.of(), secret);
            long registered = head();
            for (int i = 0; i < 5; i++) {
                ada.journal.contact("Contact " + i, T0.plusSeconds(i)).followUp(T0.plusSeconds(60 + i));
            }
            await(PATIENCE, () -> receiver.distinct().size() == 10);
            assertThat(receiver.failed()).as("the first deliveries failed and were retried").isEqualTo(3);

            receiver.stop();
            for (int i = 5; i < 8; i++) {
                ada.journal.contact("Contact " + i, T0.plusSeconds(i));
            }
            // a delivery fails meanwhile: nobody listens
            await(PATIENCE, () -> listed(ada.owner()).get("items").path(0).path("lastDelivery").path("status").asText()
                    .startsWith("failed"));
            receiver.start();
            await(PATIENCE, () -> receiver.distinct().size() == 13);

            List<String> expected = eventIdsAfter(ada.owner(), registered);
            assertThat(receiver.badSignatures()).isEmpty();
            assertThat(new ArrayList<>(receiver.distinct())).as("every event once, in the order of the store")
                    .containsExactlyElementsOf(expected);
            JsonNode webhook = listed(ada.owner()).get("items").get(0);
            assertThat(webhook.get("name").asText()).isEqualTo("crm");
            assertThat(webhook.get("failing").asBoolean()).isFalse();
            assertThat(webhook.get("lastDelivery").get("status").asText()).isEqualTo("delivered");
            assertThat(webhook.has("secret")).isFalse();
            assertThat(webhook.toString()).doesNotContain(secret.substring(6));
        }
    }

    @Test
    void aWebhookWhoseEndpointKeepsFailing_isMarkedFailing_andListedSo() throws Exception {
        String secret = newSecret();
        Networker ada = new Networker(TestUsers.BOB);
        try (Receiver receiver = new Receiver(secret).start()) {
            receiver.failAlways();
            ada.register("sheet", receiver.url(), List.of(), secret);
            ada.journal.contact("Ada Byron", T0);

            await(PATIENCE, () -> listed(ada.owner()).get("items").path(0).path("failing").asBoolean());

            JsonNode webhook = listed(ada.owner()).get("items").get(0);
            assertThat(webhook.get("lastDelivery").get("status").asText()).isEqualTo("failed 503");
            assertThat(receiver.failed()).isGreaterThan(1);
            assertThat(receiver.accepted()).isEmpty();
        }
    }

    @Test
    void onlyTheEventTypesNamed_areDelivered() throws Exception {
        String secret = newSecret();
        Networker ada = new Networker(TestUsers.MENTOR);
        try (Receiver receiver = new Receiver(secret).start()) {
            ada.register("added", receiver.url(), List.of("ContactAdded"), secret);
            var contact = ada.journal.contact("Ada Byron", T0).followUp(T0.plusSeconds(60));
            ada.journal.contact("Grace Hopper", T0);

            await(PATIENCE, () -> receiver.distinct().size() == 2);
            // and nothing else comes after them
            Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.distinct().size() == 2);
            assertThat(receiver.distinct()).hasSize(2).doesNotContain(contact.lastEventId());
        }
    }

    @Test
    void aUrlThatLeadsInside_isRefusedAtDelivery_evenWhenRegistered() {
        Networker ada = new Networker(TestUsers.CAROL);
        ada.register("inside", "https://169.254.169.254/latest/meta-data", List.of(), newSecret());
        ada.journal.contact("Ada Byron", T0);

        await(PATIENCE, () -> listed(ada.owner()).get("items").path(0).path("lastDelivery").path("status").asText()
                .startsWith("refused"));
    }

    @Test
    void aRemovedWebhook_andAnErasedAccountsWebhooks_areNoLongerListedOrDelivered() throws Exception {
        String secret = newSecret();
        Networker ada = new Networker(TestUsers.DEMO);
        try (Receiver receiver = new Receiver(secret).start()) {
            ada.register("crm", receiver.url(), List.of(), secret);
            ada.register("sheet", receiver.url(), List.of(), secret);
            ada.append(new WebhookRemoved(ada.owner(), "crm", T0));
            awaitProjections();
            assertThat(listed(ada.owner()).get("items")).extracting(item -> item.get("name").asText())
                    .containsExactly("sheet");

            transaction.executeWithoutResult(status -> {
                erasures.eraseNetworker(ada.owner(), T0);
                ada.append(new AccountErased(ada.owner(), T0));
            });
            awaitProjections();
            assertThat(listed(ada.owner()).get("items")).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE owner_id = ?", Long.class,
                    ada.owner())).isZero();
        }
    }
}

package app.rapport.query.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import app.rapport.events.contact.ContactAdded;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions commit out of order: an event that takes its global index first can become visible
 * after later ones. The projections must not skip it (Axon's gap-aware tokens wait for the gap).
 */
class LateCommitTest extends QueryIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LateCommitTest.class);

    @Test
    void anEventCommittedAfterLaterOnesStillReachesEveryProjection() throws Exception {
        String owner = "late-" + UUID.randomUUID().toString().substring(0, 8);
        UUID late = UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        long[] lateIndex = new long[1];

        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() ->
                transaction.executeWithoutResult(status -> {
                    append(late, owner);
                    lateIndex[0] = indexOf(late);
                    appended.countDown();
                    await(mayCommit);
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

        UUID early = UUID.randomUUID();
        transaction.executeWithoutResult(status -> append(early, owner));
        await(Duration.ofSeconds(10), () -> audited(early));
        boolean lateSeenBeforeCommit = audited(late);

        mayCommit.countDown();
        slowTransaction.get(10, TimeUnit.SECONDS);
        await(Duration.ofSeconds(15), () -> audited(late) && listed(late));

        log.info("Event at index {} committed after the event at index {}; the projections had it before its commit: {}, "
                + "after: yes (audit and contact list)", lateIndex[0], indexOf(early), lateSeenBeforeCommit);
        assertThat(lateIndex[0]).isLessThan(indexOf(early));
        assertThat(lateSeenBeforeCommit).isFalse();
    }

    private void append(UUID contactId, String owner) {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        eventStore.publish(new GenericDomainEventMessage<>("Contact", contactId.toString(), 0,
                new ContactAdded(contactId, owner, new ContactDetails("Late " + contactId, null, null, null, null,
                        null, null, null, null), ContactSource.COLD, null, 60, at),
                MetaData.with("actor", owner)));
    }

    private long indexOf(UUID contactId) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, contactId.toString());
    }

    private boolean audited(UUID contactId) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE contact_id = ?", Integer.class, contactId) == 1;
    }

    private boolean listed(UUID contactId) {
        return jdbc.queryForObject("SELECT count(*) FROM contact WHERE contact_id = ?", Integer.class, contactId) == 1;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the slow transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

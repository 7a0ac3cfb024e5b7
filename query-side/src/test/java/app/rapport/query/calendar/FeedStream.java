package app.rapport.query.calendar;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.CalendarFeedRevoked;
import app.rapport.values.CalendarFeedToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A networker's feed events, appended to their stream the way the command side appends them, at
 * the stream's next sequence number (so they may follow grants the test's journal wrote).
 */
final class FeedStream {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final String owner;

    FeedStream(EventStore eventStore, TransactionTemplate transaction, JdbcTemplate jdbc, String owner) {
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.owner = owner;
    }

    /** Opens a feed with a new token, as PUT does; answers the token. */
    String create(Instant at) {
        String token = CalendarFeedToken.generate(RANDOM);
        append(new CalendarFeedCreated(owner, CalendarFeedToken.hashOf(token), at), at);
        return token;
    }

    void revoke(Instant at) {
        append(new CalendarFeedRevoked(owner, at), at);
    }

    /** @return the event's global index */
    long append(Object payload, Instant recordedAt) {
        String eventId = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            long next = jdbc.queryForObject(
                    "SELECT coalesce(max(sequence_number) + 1, 0) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, owner);
            eventStore.publish(new GenericDomainEventMessage<>("Networker", owner, next, payload,
                    MetaData.with("actor", owner).and("correlationId", UUID.randomUUID().toString()), eventId,
                    recordedAt));
        });
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
    }
}

package app.rapport.query.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

import app.rapport.platform.axon.EventStoreTables;
import app.rapport.platform.axon.EventStoreTables.SegmentToken;
import app.rapport.platform.axon.ProcessorProgress;
import app.rapport.query.QuerySettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a command answers with the global index of its last event, and a query that
 * passes it as {@code consistentWith} is held back until the processors behind its read model have
 * handled that index. A query that has to wait asks for its processors to handle the events that
 * arrived since they were last woken now, then checks again each time one of this app's
 * processors has handled a batch, and at least every 20 ms.
 */
@Component
public class ConsistencyGate {

    /** How long a wait goes without a tick: another replica's progress, a segment that had none of the events. */
    private static final long MOST_MILLIS_BETWEEN_CHECKS = 20;
    private static final String PARAMETER = "consistentWith";
    /** How far behind a segment's token may be for the gate to read which of those events are its own. */
    private static final long MAX_EVENTS_READ = 10_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EventStoreTables tables;
    private final ProcessorProgress progress;
    private final Duration timeout;

    ConsistencyGate(EventProcessingConfiguration processing, EventStore eventStore, EventStoreTables tables,
                    ProcessorProgress progress, QuerySettings settings) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tables = tables;
        this.progress = progress;
        this.timeout = settings.query().consistencyTimeout();
    }

    /**
     * Returns once the processors of every named processing group have handled {@code position}
     * and every event before it, at once when it is null.
     *
     * @throws NotYetConsistentException when the wait runs out
     */
    public void awaitProcessed(Long position, String... groups) {
        if (position == null) {
            return;
        }
        requireRecorded(position);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<StreamingEventProcessor, Boolean> perAggregate = new LinkedHashMap<>();
        for (String group : groups) {
            perAggregate.merge(processorOf(group), sequencedPerAggregate(group), Boolean::logicalAnd);
        }
        StoredAggregates aggregates = new StoredAggregates(position);
        // read before each check, so a batch that ends between the check and the wait is not missed
        long ticks = progress.ticks();
        boolean demanded = false;
        while (!allProcessed(position, perAggregate, aggregates)) {
            if (!demanded) {
                progress.demand(perAggregate.keySet().stream().map(StreamingEventProcessor::getName).toList());
                demanded = true;
            }
            if (System.nanoTime() > deadline) {
                throw new NotYetConsistentException("The read model has not yet processed position " + position
                        + " after " + timeout.toSeconds() + " s; retry shortly.");
            }
            try {
                progress.awaitTickAfter(ticks, MOST_MILLIS_BETWEEN_CHECKS);
                ticks = progress.ticks();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetConsistentException("Interrupted while waiting for position " + position + ".");
            }
        }
    }

    /**
     * A position is one a command answered: at least 0 and, since commands answer only once their
     * events are committed, never past the head of the store. Any other is the client's mistake,
     * which no amount of waiting would cure.
     */
    private void requireRecorded(long position) {
        if (position < 0) {
            throw new BadQueryParameterException(PARAMETER, "must be a position a command answered, 0 or more");
        }
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        if (position > head) {
            throw new BadQueryParameterException(PARAMETER,
                    "no event has been recorded at position " + position + " (the latest is " + head + ")");
        }
    }

    private StreamingEventProcessor processorOf(String group) {
        return processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor handles group " + group));
    }

    /** Only with Axon's default policy does an event's aggregate say which segment handles it. */
    private boolean sequencedPerAggregate(String group) {
        return processing.sequencingPolicy(group) instanceof SequentialPerAggregatePolicy;
    }

    private boolean allProcessed(long position, Map<StreamingEventProcessor, Boolean> perAggregate,
                                 StoredAggregates aggregates) {
        for (Map.Entry<StreamingEventProcessor, Boolean> processor : perAggregate.entrySet()) {
            if (!processed(processor.getKey(), processor.getValue(), position, aggregates)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every segment must have handled its own events up to {@code position}, not the position
     * itself: a pooled processor stores a segment's token at the end of each batch with events of
     * that segment, but an idle segment's only when it extends its claim (about every 5 s), so
     * another replica's idle segment looks behind when it has nothing left to do. The segment an
     * event belongs to follows from its aggregate; with any other sequencing policy only a token
     * at the position proves it.
     */
    private boolean processed(StreamingEventProcessor processor, boolean perAggregate, long position,
                              StoredAggregates aggregates) {
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        if (live.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return false;
        }
        if (ownsWholeStream(live)) {
            // no other replica holds a segment of it: the live tokens say all there is, and a
            // check costs no read of the stored ones (checks come at every batch of any processor)
            for (EventTrackerStatus segment : live.values()) {
                if (!handled(segment.getSegment(), segment.getTrackingToken(), perAggregate, position, aggregates)) {
                    return false;
                }
            }
            return true;
        }
        // one read of all rows, so a split or merge by another replica is seen whole
        List<SegmentToken> stored = tables.storedSegmentTokens(processor.getName());
        if (stored.isEmpty()) {
            return false;
        }
        int[] ids = stored.stream().mapToInt(SegmentToken::segmentId).toArray();
        for (SegmentToken row : stored) {
            Segment segment = Segment.computeSegment(row.segmentId(), ids);
            EventTrackerStatus own = live.get(row.segmentId());
            // this replica's live token is ahead of the one it stored
            TrackingToken token = own != null && own.getSegment().equals(segment) ? own.getTrackingToken() : row.token();
            if (!handled(segment, token, perAggregate, position, aggregates)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a segment at this token has handled its own events up to the position. */
    private static boolean handled(Segment segment, TrackingToken token, boolean perAggregate, long position,
                                   StoredAggregates aggregates) {
        return passed(token, position) || perAggregate && passedItsOwnEvents(segment, token, position, aggregates);
    }

    /** True when this replica's segments cover the whole stream. */
    private static boolean ownsWholeStream(Map<Integer, EventTrackerStatus> live) {
        // each segment covers 1/(mask+1) of the stream
        double covered = 0;
        for (EventTrackerStatus segment : live.values()) {
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return covered > 0.999;
    }

    private static boolean passedItsOwnEvents(Segment segment, TrackingToken token, long position,
                                              StoredAggregates aggregates) {
        long from = firstNotPassed(token);
        if (position - from > MAX_EVENTS_READ) {
            return false;
        }
        for (Map.Entry<Long, String> event : aggregates.from(from).entrySet()) {
            if (segment.matches(event.getValue()) && !passed(token, event.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** The lowest index the token has not passed: its oldest gap or the one after its position. */
    private static long firstNotPassed(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null || current.position().isEmpty()) {
            return 0;
        }
        if (current instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first();
        }
        return current.position().getAsLong() + 1;
    }

    /**
     * The aggregate of each stored event up to a position, read once per wait and only as far back
     * as a segment's token needs: tokens only move forward, and stored events never change.
     */
    private final class StoredAggregates {

        private final long upTo;
        private long readFrom;
        private final NavigableMap<Long, String> byIndex = new TreeMap<>();

        StoredAggregates(long upTo) {
            this.upTo = upTo;
            this.readFrom = upTo + 1;
        }

        NavigableMap<Long, String> from(long index) {
            if (index < readFrom) {
                byIndex.putAll(tables.aggregatesBetween(index, readFrom - 1));
                readFrom = index;
            }
            return byIndex.subMap(index, true, upTo, true);
        }
    }

    /** True when the token's position is at or past {@code position} and that index is not a gap. */
    static boolean passed(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null) {
            return false;
        }
        OptionalLong at = current.position();
        if (at.isEmpty() || at.getAsLong() < position) {
            return false;
        }
        return !(current instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().contains(position));
    }
}

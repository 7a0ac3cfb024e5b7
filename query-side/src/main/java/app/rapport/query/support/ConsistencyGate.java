package app.rapport.query.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import app.rapport.platform.axon.EventStoreTables;
import app.rapport.query.QuerySettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a command answers with the global index of its last event, and a query that
 * passes it as {@code consistentWith} is held back until the processors behind its read model have
 * handled that index.
 */
@Component
public class ConsistencyGate {

    private static final long POLL_MILLIS = 20;
    private static final String PARAMETER = "consistentWith";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EventStoreTables tables;
    private final Duration timeout;

    ConsistencyGate(EventProcessingConfiguration processing, EventStore eventStore, EventStoreTables tables,
                    QuerySettings settings) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tables = tables;
        this.timeout = settings.query().consistencyTimeout();
    }

    /**
     * Returns once the processors of every named processing group have handled {@code position},
     * at once when it is null.
     *
     * @throws NotYetConsistentException when the wait runs out
     */
    public void awaitProcessed(Long position, String... groups) {
        if (position == null) {
            return;
        }
        requireRecorded(position);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StreamingEventProcessor> processors = Arrays.stream(groups).map(this::processorOf).distinct().toList();
        while (!allProcessed(position, processors)) {
            if (System.nanoTime() > deadline) {
                throw new NotYetConsistentException("The read model has not yet processed position " + position
                        + " after " + timeout.toSeconds() + " s; retry shortly.");
            }
            try {
                Thread.sleep(POLL_MILLIS);
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

    private boolean allProcessed(long position, List<StreamingEventProcessor> processors) {
        for (StreamingEventProcessor processor : processors) {
            if (!processed(processor, position)) {
                return false;
            }
        }
        return true;
    }

    private boolean processed(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        // each claimed segment covers 1/(mask+1) of the stream; only all of it proves the position
        double covered = 0;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState() || !passed(segment.getTrackingToken(), position)) {
                return false;
            }
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        // with several replicas each claims only some segments: the token store knows the others
        return covered > 0.999 || processedByEverySegmentInTheTokenStore(processor.getName(), position);
    }

    private boolean processedByEverySegmentInTheTokenStore(String name, long position) {
        List<TrackingToken> tokens = tables.storedTokens(name);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> passed(token, position));
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

package app.rapport.query.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import app.rapport.query.QuerySettings;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.platform.axon.ProcessingGroups;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models from the event store: a processor is shut down, its tokens reset (its
 * {@code @ResetHandler} empties its tables), and started again; progress is logged until it has
 * caught up with the head of the store.
 */
@Component
public class Replays {

    public static final String ALL = "all";
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final EventProcessingConfiguration processing;
    private final ProcessingGroups groups;
    private final EventStore eventStore;
    private final Duration progressInterval;
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-progress");
        thread.setDaemon(true);
        return thread;
    });

    Replays(EventProcessingConfiguration processing, ProcessingGroups groups, EventStore eventStore,
            QuerySettings settings) {
        this.processing = processing;
        this.groups = groups;
        this.eventStore = eventStore;
        this.progressInterval = settings.query().replayProgressInterval();
    }

    /**
     * Starts replaying the named processor, or the processor of the named processing group (which
     * rebuilds every read model that processor feeds), or every one for {@code all}; answers the
     * names of the processors replayed.
     */
    public List<String> replay(String which) {
        Map<String, StreamingEventProcessor> chosen = choose(which);
        chosen.forEach((name, processor) -> {
            log.info("Replay of [{}] starting: shutting down and resetting its tokens", name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            watch(name, processor);
        });
        return List.copyOf(chosen.keySet());
    }

    /**
     * Where one processor stands.
     *
     * @param position the global index its slowest segment has handled
     * @param head the global index of the newest event in the store
     * @param replaying whether it is still rebuilding after a reset
     * @param caughtUp whether it has handled everything up to the head and is not replaying
     */
    public record Status(String processor, long position, long head, boolean replaying, boolean caughtUp) {
    }

    /** Every processor's progress, for watching a replay (or a bulk import) from outside. */
    public List<Status> status() {
        long head = position(eventStore.createHeadToken());
        return streamingProcessors().entrySet().stream().map(entry -> {
            StreamingEventProcessor processor = entry.getValue();
            long done = slowestPosition(processor);
            boolean replaying = processor.isReplaying();
            boolean running = processor.isRunning() && !processor.isError() && !processor.processingStatus().isEmpty();
            return new Status(entry.getKey(), done, head, replaying, running && !replaying && done >= head);
        }).toList();
    }

    /** Progress lines stop with the app: they read the store, which closes with it. */
    @PreDestroy
    void stopWatching() {
        progress.shutdownNow();
    }

    private Map<String, StreamingEventProcessor> choose(String which) {
        Map<String, StreamingEventProcessor> all = streamingProcessors();
        if (ALL.equals(which)) {
            return all;
        }
        if (which != null && all.containsKey(which)) {
            return Map.of(which, all.get(which));
        }
        if (which != null && groups.names().contains(which)) {
            StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(which,
                    StreamingEventProcessor.class).orElseThrow();
            return Map.of(processor.getName(), processor);
        }
        throw new BadQueryParameterException("processor", "'" + which
                + "' is neither a processor nor a read model; use one of " + all.keySet() + ", " + groups.names()
                + " or all");
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> streaming = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    /** Logs events done, events per second and the time left, until the replay has caught up. */
    private void watch(String name, StreamingEventProcessor processor) {
        long startedAt = System.nanoTime();
        long[] lastDone = {0};
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(progress.scheduleAtFixedRate(() -> {
            try {
                long head = position(eventStore.createHeadToken());
                long done = slowestPosition(processor);
                double perSecond = (done - lastDone[0]) / (progressInterval.toMillis() / 1000.0);
                lastDone[0] = done;
                if (!processor.isReplaying() && done >= head) {
                    log.info("Replay of [{}] caught up: {} events in {} s", name, done,
                            Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
                    task.get().cancel(false);
                    return;
                }
                String eta = perSecond > 0 ? Duration.ofSeconds((long) ((head - done) / perSecond)).toString() : "unknown";
                log.info("Replay of [{}]: {} of {} events, {} events/s, ETA {}", name, done, head,
                        Math.round(perSecond), eta);
            } catch (RuntimeException e) {
                log.warn("Replay progress of [{}] unavailable: {}", name, e.getMessage());
            }
        }, progressInterval.toMillis(), progressInterval.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static long slowestPosition(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min().orElse(0);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.orElse(0);
    }
}

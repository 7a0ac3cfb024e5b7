package app.rapport.query.admin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import app.rapport.query.QuerySettings;
import app.rapport.query.analytics.AnalyticsAsOf;
import app.rapport.query.audit.AuditRebuilt;
import app.rapport.query.calendar.CalendarFeedsRebuilt;
import app.rapport.query.commitments.CommitmentsAsOf;
import app.rapport.query.contacts.ContactsAsOf;
import app.rapport.query.followup.FollowUpsAsOf;
import app.rapport.query.mentors.MentorsRebuilt;
import app.rapport.query.reports.ReportsAsOf;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.query.support.JournalConflictException;
import app.rapport.query.support.RebuiltReadModel;
import app.rapport.query.timeline.TimelineAsOf;
import app.rapport.query.webhooks.WebhooksRebuilt;
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
 * Replays read models from the event store. Every read model here is rebuilt beside the live
 * one ({@link #REBUILT}: the journal's views, the mentors' grants, the calendar feeds; and the
 * audit trail and the webhooks' registrations, whose projections are made from beans) by
 * {@link Rebuilds}, while queries go on reading the live tables whole. A processor of none of
 * them would be replayed in place: shut down, its tokens reset and started again. Progress is
 * logged until every replay has caught up with the head of the store.
 */
@Component
public class Replays {

    public static final String ALL = "all";
    /** The read models a replay rebuilds beside the live ones, unseen: these, the audit and the webhooks. */
    static final List<RebuiltReadModel> REBUILT = List.of(RebuiltReadModel.of(ContactsAsOf.READ_MODEL),
            RebuiltReadModel.of(TimelineAsOf.READ_MODEL), RebuiltReadModel.of(FollowUpsAsOf.READ_MODEL),
            RebuiltReadModel.of(CommitmentsAsOf.READ_MODEL), RebuiltReadModel.of(AnalyticsAsOf.READ_MODEL),
            ReportsAsOf.REBUILT, MentorsRebuilt.READ_MODEL, CalendarFeedsRebuilt.READ_MODEL);
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final EventProcessingConfiguration processing;
    private final ProcessingGroups groups;
    private final EventStore eventStore;
    private final Rebuilds rebuilds;
    private final List<RebuiltReadModel> rebuiltReadModels;
    private final Duration progressInterval;
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-progress");
        thread.setDaemon(true);
        return thread;
    });

    Replays(EventProcessingConfiguration processing, ProcessingGroups groups, EventStore eventStore,
            Rebuilds rebuilds, AuditRebuilt audit, WebhooksRebuilt webhooks, QuerySettings settings) {
        this.processing = processing;
        this.groups = groups;
        this.eventStore = eventStore;
        this.rebuilds = rebuilds;
        this.rebuiltReadModels = Stream.concat(REBUILT.stream(),
                Stream.of(audit.readModel(), webhooks.readModel())).toList();
        this.progressInterval = settings.query().replayProgressInterval();
    }

    /**
     * Starts replaying the named processor, or the processor of the named processing group (which
     * rebuilds every read model that processor feeds), or every one for {@code all}; answers the
     * names of the processors replayed.
     *
     * @throws JournalConflictException while a rebuild of any of them is still running
     */
    public List<String> replay(String which) {
        Map<String, StreamingEventProcessor> chosen = choose(which);
        List<RebuiltReadModel> rebuilt = rebuiltReadModels.stream()
                .filter(model -> chosen.containsKey(processorOf(model.group()).getName())).toList();
        List<String> rebuiltProcessors = rebuilt.stream().map(model -> processorOf(model.group()).getName()).toList();
        if (!rebuilt.isEmpty()) {
            if (!rebuilds.start(rebuilt)) {
                throw new JournalConflictException("replay-running", "A rebuild of " + rebuilds.progress().keySet()
                        + " is still running; follow it with GET /api/admin/replay and ask again when it has caught up.");
            }
            rebuiltProcessors.forEach(name -> log.info("Replay of [{}] starting beside the live read model", name));
        }
        chosen.forEach((name, processor) -> {
            if (rebuiltProcessors.contains(name)) {
                return;
            }
            log.info("Replay of [{}] starting: shutting down and resetting its tokens", name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            watch(name, processor);
        });
        return List.copyOf(chosen.keySet());
    }

    private StreamingEventProcessor processorOf(String group) {
        return processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).orElseThrow();
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
        Map<String, Long> rebuilding = new HashMap<>();
        rebuilds.progress().forEach((group, position) -> rebuilding.put(processorOf(group).getName(), position));
        return streamingProcessors().entrySet().stream().map(entry -> {
            Long rebuilt = rebuilding.get(entry.getKey());
            if (rebuilt != null) {
                // the live processor is current, but the replay asked for is the rebuild beside it
                return new Status(entry.getKey(), rebuilt, head, true, false);
            }
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

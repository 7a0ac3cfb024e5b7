package app.rapport.platform.axon;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads each streaming processor's segments evenly over the instances that run it. Every
 * instance may claim every segment, so a survivor takes over a dead replica's segments as soon as
 * their claims time out; this only gives segments away. Every few seconds it counts the live
 * instances ({@link ReplicaPresence}) and, when this one holds more than its fair share, releases
 * one segment for long enough that another instance claims it first. Axon's claim protocol, not
 * this class, keeps a segment to one owner at a time.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final ReplicaPresence presence;
    private final JdbcTemplate jdbc;
    private final String ownersSql;
    private final Duration interval;
    private final Duration releaseDuration;
    private final Map<String, Released> released = new ConcurrentHashMap<>();
    private final Map<String, Integer> liveInstances = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticks;
    private boolean databaseUnavailable;

    /** A segment given away, and until when this instance leaves segments of that processor alone. */
    private record Released(int segment, long quietUntilNanos, boolean checked) {
    }

    SegmentBalancer(EventProcessingConfiguration processing, ReplicaPresence presence, JdbcTemplate jdbc,
                    TokenSchema tokens, Duration claimInterval) {
        this.processing = processing;
        this.presence = presence;
        this.jdbc = jdbc;
        this.ownersSql = "SELECT " + tokens.ownerColumn() + ", count(*) FROM " + tokens.tokenTable()
                + " WHERE " + tokens.processorNameColumn() + " = ? GROUP BY " + tokens.ownerColumn();
        this.interval = claimInterval;
        // twice the others' claim interval: they look for unclaimed segments at least once meanwhile
        this.releaseDuration = claimInterval.multipliedBy(2);
    }

    /** Each processor's segments claimed here, and the instances counted running it at the last look. */
    public Map<String, Map<String, Object>> claims() {
        Map<String, Map<String, Object>> claims = new TreeMap<>();
        streamingProcessors().forEach((name, processor) -> claims.put(name, Map.of(
                "claimed", new TreeSet<>(processor.processingStatus().keySet()),
                "liveInstances", liveInstances.getOrDefault(name, 0))));
        return claims;
    }

    void balance() {
        try {
            streamingProcessors().forEach(this::balance);
            if (databaseUnavailable) {
                log.info("Segment balancing resumed");
                databaseUnavailable = false;
            }
        } catch (RuntimeException e) {
            if (!databaseUnavailable) {
                log.warn("Segment balancing paused, the database cannot be read: {}", e.getMessage());
                databaseUnavailable = true;
            }
        } catch (Error e) {
            // A scheduled task that throws is never run again: say so, and try again next tick.
            log.error("Segment balancing failed; trying again in the next round", e);
        }
    }

    private void balance(String name, StreamingEventProcessor processor) {
        if (!processor.isRunning() || processor.isError()) {
            return;
        }
        int live;
        try {
            live = Math.max(1, presence.liveInstances(name));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        liveInstances.put(name, live);
        Released last = released.get(name);
        long now = System.nanoTime();
        if (last != null && now < last.quietUntilNanos()) {
            return;
        }
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        if (last != null && !last.checked()) {
            released.put(name, new Released(last.segment(), now, true));
            if (held.contains(last.segment())) {
                // nobody took it: an instance is counted that cannot claim (partitioned, or shutting down)
                log.warn("Segment {} of [{}] came back unclaimed by the {} other instance(s) counted; "
                        + "not giving segments away for a minute", last.segment(), name, live - 1);
                released.put(name, new Released(last.segment(), now + TimeUnit.MINUTES.toNanos(1), true));
                return;
            }
        }
        Map<String, Integer> owners = owners(name);
        if (!givesOneAway(held.size(), live, owners)) {
            return;
        }
        int segment = held.get(held.size() - 1);
        log.info("Releasing segment {} of [{}] for {}: this instance holds {} of {} segments and {} instances run it",
                segment, name, releaseDuration, held.size(), owners.values().stream().mapToInt(Integer::intValue).sum(),
                live);
        processor.releaseSegment(segment, releaseDuration.toMillis(), TimeUnit.MILLISECONDS);
        released.put(name, new Released(segment, now + releaseDuration.plus(interval).toNanos(), false));
    }

    /**
     * Whether an instance holding {@code held} segments gives one away, with {@code live} instances
     * running the processor and {@code owners} the segments per owner in the token store (unclaimed
     * ones under {@code null}): when it holds more than the ceiling of a fair share, or more than
     * the floor while nothing is unclaimed and a live instance holds less than the floor.
     */
    static boolean givesOneAway(int held, int live, Map<String, Integer> owners) {
        int segments = owners.values().stream().mapToInt(Integer::intValue).sum();
        if (segments == 0 || held == 0) {
            return false;
        }
        int ceiling = (segments + live - 1) / live;
        int floor = segments / live;
        Map<String, Integer> claimedBy = new HashMap<>(owners);
        int unclaimed = Optional.ofNullable(claimedBy.remove(null)).orElse(0);
        boolean someoneIsShort = claimedBy.size() < live || Collections.min(claimedBy.values()) < floor;
        return held > ceiling || (held > floor && unclaimed == 0 && someoneIsShort);
    }

    private Map<String, Integer> owners(String name) {
        Map<String, Integer> owners = new HashMap<>();
        jdbc.query(ownersSql, row -> {
            owners.put(row.getString(1), row.getInt(2));
        }, name);
        return owners;
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    @Override
    public synchronized void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleWithFixedDelay(this::balance, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops before the processors do, and lets the others count this instance out at once. */
    @Override
    public synchronized void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
            ticks = null;
        }
        presence.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return ticks != null;
    }

    /** Last to start and first to stop, so it never acts on processors that are not running. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}

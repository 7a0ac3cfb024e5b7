package app.rapport.query.admin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.RebuiltReadModel;
import app.rapport.query.support.Rederivation;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds read models beside the live ones, so nobody sees a partial journal: fresh instances
 * of their projections fold the whole store into empty tables of the same shape in the schema
 * {@value #SCHEMA}, while the live processors go on feeding the live tables and every query reads
 * those. Once the rebuild has caught up with the head, the live processors stop, the rebuild
 * folds what came in meanwhile, and one transaction moves the live tables out, the rebuilt ones in
 * (with the live indexes' names) and sets every segment's token to the rebuild's last event;
 * then the processors start again from there. A query before that transaction reads the old
 * tables whole, one after it the new ones whole, and {@code consistentWith} holds across it: the
 * tokens a query waits on are never behind the tables it reads.
 * <p>
 * How the projections write to the new tables: each batch is one transaction that puts
 * {@value #SCHEMA} first on its search path ({@code SET LOCAL}, gone at its end); the projections'
 * SQL never names a schema, so their tables are the new ones and everything else (the event store
 * a correction re-reads, another read model's tables) the live ones. The store is read once for
 * all the read models rebuilt together, split by owner between two folding threads, and each part
 * goes through them all in one unit of work, as a processor hands a batch to its handlers.
 * <p>
 * The new tables are ordinary, logged tables from the start. Unlogged ones, logged before the
 * switch, were measured at a million events: {@code SET LOGGED} rewrites each table and rebuilds
 * its indexes, 9-14 s at the end of the rebuild (111 s in all), while writing the log as the rows
 * came in cost the fold nothing measurable (98 s in all); inserting the audit trail's 900 000 rows
 * took 6.0 s unlogged plus 4.1 s to log, and 6.1 s logged.
 * <p>
 * Only one replica may rebuild at a time, and in a deployment of several query-side replicas the
 * others' processors of these read models should be stopped: they would go on writing, from their
 * own tokens, into whichever tables are live.
 */
@Component
class Rebuilds {

    static final String SCHEMA = "rapport_rebuild";
    private static final String RETIRED = "rapport_retired";
    private static final int BATCH = 1_000;
    /**
     * Threads folding at once. Each waits on the database about a third of its time: one left two
     * cores a third idle, three were no faster than two (2026-12-02, docs/benchmarks.md).
     */
    private static final int PARTITIONS = 2;
    /** Batches read ahead of the slowest partition. */
    private static final int IN_FLIGHT = 4;
    private static final Duration WAIT_FOR_EVENTS = Duration.ofMillis(200);
    private static final Pattern INDEX_NAME = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ");
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final EventProcessingConfiguration processing;
    private final AsOfReadModel.Parts parts;
    private final AtomicReference<Rebuild> running = new AtomicReference<>();

    Rebuilds(JdbcTemplate jdbc, TransactionTemplate transactions, EventStore eventStore, TokenStore tokenStore,
             EventProcessingConfiguration processing, PracticeSettings practice, Rederivation rederivation) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.processing = processing;
        this.parts = new AsOfReadModel.Parts(jdbc, JdbcClient.create(jdbc), practice, rederivation);
    }

    /** One rebuild of some read models: what they are and how far it has come. */
    private final class Rebuild implements Runnable {

        private final Map<String, RebuiltReadModel> models;
        private final long startedAt = System.nanoTime();
        private volatile long position;
        private volatile long events;
        private long readingNanos;

        Rebuild(Map<String, RebuiltReadModel> models) {
            this.models = models;
        }

        @Override
        public void run() {
            List<String> groups = List.copyOf(models.keySet());
            List<Partition> partitions = new ArrayList<>();
            try {
                String liveSchema = prepare();
                String searchPath = SCHEMA + ", " + jdbc.queryForObject("SHOW search_path", String.class);
                for (int i = 0; i < PARTITIONS; i++) {
                    partitions.add(new Partition(i, searchPath));
                }
                TrackingToken last;
                try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                    last = foldUntilCaughtUp(stream, partitions, null);
                    log.info("Rebuild of {} caught up at position {} after {} events; stopping the live processors",
                            groups, position, events);
                    List<StreamingEventProcessor> processors = groups.stream().map(this::processor).toList();
                    processors.forEach(processor -> processor.shutdownAsync().join());
                    try {
                        // what came in meanwhile, now that nothing else writes these read models
                        last = foldUntilCaughtUp(stream, partitions, last);
                        switchOver(liveSchema, last);
                    } finally {
                        processors.forEach(StreamingEventProcessor::start);
                    }
                }
                jdbc.execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
                log.info("Rebuild of {} switched over at position {}: {} events in {} ms ({} ms reading, {} ms "
                                + "folding in {} threads)", groups, position, events,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
                        TimeUnit.NANOSECONDS.toMillis(readingNanos),
                        TimeUnit.NANOSECONDS.toMillis(partitions.stream().mapToLong(Partition::foldingNanos).sum()),
                        PARTITIONS);
            } catch (RuntimeException | InterruptedException e) {
                // the live tables were never touched: the journal reads as it did before the rebuild
                log.error("Rebuild of {} failed; the live read models stay as they were", groups, e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                partitions.forEach(Partition::close);
                running.set(null);
            }
        }

        /**
         * The owners whose events one thread folds, in the store's order, through projections of
         * its own, one transaction per part of a batch. Every row of every read model rebuilt here
         * belongs to one owner (a contact, its interviews, an owner's grants and feeds), and
         * everything that spans contacts (a referral, an erasure) stays within its owner, so
         * owners folded apart can never meet on a row, and each owner's events keep their order.
         */
        private final class Partition implements AutoCloseable {

            private final List<AnnotationEventHandlerAdapter> handlers;
            private final String searchPath;
            private final ExecutorService thread;
            private final AtomicLong foldingNanos = new AtomicLong();

            Partition(int index, String searchPath) {
                this.handlers = models.values().stream()
                        .map(model -> new AnnotationEventHandlerAdapter(model.projection().apply(parts))).toList();
                this.searchPath = searchPath;
                this.thread = Executors.newSingleThreadExecutor(runnable -> {
                    Thread worker = new Thread(runnable, "rebuild-fold-" + index);
                    worker.setDaemon(true);
                    return worker;
                });
            }

            CompletableFuture<Void> fold(List<TrackedEventMessage<?>> events) {
                return CompletableFuture.runAsync(() -> {
                    long started = System.nanoTime();
                    transactions.executeWithoutResult(status -> {
                        jdbc.execute("SET LOCAL search_path TO " + searchPath);
                        JournalAsOf.handle(events, handlers);
                    });
                    foldingNanos.addAndGet(System.nanoTime() - started);
                }, thread);
            }

            long foldingNanos() {
                return foldingNanos.get();
            }

            @Override
            public void close() {
                thread.shutdownNow();
            }
        }

        /** A batch read from the stream, being folded by the partitions. */
        private record InFlight(CompletableFuture<Void> folded, int events, TrackingToken last) {
        }

        private StreamingEventProcessor processor(String group) {
            return processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).orElseThrow();
        }

        /** Empty tables like the live ones in a schema of their own; answers the live tables' schema. */
        private String prepare() {
            String liveSchema = jdbc.queryForObject("SELECT current_schema()", String.class);
            transactions.executeWithoutResult(status -> {
                jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                jdbc.execute("CREATE SCHEMA " + SCHEMA);
                for (String table : tables()) {
                    jdbc.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE " + liveSchema + "."
                            + table + " INCLUDING ALL)");
                }
            });
            return liveSchema;
        }

        private Set<String> tables() {
            Set<String> tables = new LinkedHashSet<>();
            models.values().forEach(model -> tables.addAll(model.tables()));
            return tables;
        }

        /**
         * Folds batches from the stream until one comes back short, which means the head was
         * reached (a batch waits briefly for its first event, never for a full batch). Each batch
         * is split by owner among the partitions, which fold it while the next one is read; a few
         * batches at most are in flight. Answers the token of the last event folded, once every
         * partition has folded everything up to it.
         */
        private TrackingToken foldUntilCaughtUp(BlockingStream<TrackedEventMessage<?>> stream,
                                                List<Partition> partitions, TrackingToken last)
                throws InterruptedException {
            Deque<InFlight> inFlight = new ArrayDeque<>();
            try {
                while (true) {
                    long reading = System.nanoTime();
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
                    if (stream.hasNextAvailable((int) WAIT_FOR_EVENTS.toMillis(), TimeUnit.MILLISECONDS)) {
                        while (batch.size() < BATCH && stream.hasNextAvailable()) {
                            batch.add(stream.nextAvailable());
                        }
                    }
                    if (!batch.isEmpty()) {
                        List<List<TrackedEventMessage<?>>> parts = byOwner(batch, partitions.size());
                        readingNanos += System.nanoTime() - reading;
                        List<CompletableFuture<Void>> folds = new ArrayList<>();
                        for (int i = 0; i < parts.size(); i++) {
                            if (!parts.get(i).isEmpty()) {
                                folds.add(partitions.get(i).fold(parts.get(i)));
                            }
                        }
                        inFlight.add(new InFlight(CompletableFuture.allOf(folds.toArray(CompletableFuture[]::new)),
                                batch.size(), batch.get(batch.size() - 1).trackingToken()));
                    }
                    while (!inFlight.isEmpty() && (inFlight.size() > IN_FLIGHT || inFlight.peek().folded().isDone())) {
                        last = done(inFlight.poll());
                    }
                    if (batch.size() < BATCH) {
                        while (!inFlight.isEmpty()) {
                            last = done(inFlight.poll());
                        }
                        return last;
                    }
                }
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        /** Waits for a batch to be folded; answers its last event's token. */
        private TrackingToken done(InFlight batch) {
            batch.folded().join();
            position = batch.last().position().orElse(position);
            events += batch.events();
            return batch.last();
        }

        /** The batch's events in as many lists, each owner's in one, in the store's order. */
        private static List<List<TrackedEventMessage<?>>> byOwner(List<TrackedEventMessage<?>> batch, int partitions) {
            List<List<TrackedEventMessage<?>>> parts = new ArrayList<>(partitions);
            for (int i = 0; i < partitions; i++) {
                parts.add(new ArrayList<>(batch.size() / partitions + 16));
            }
            for (TrackedEventMessage<?> event : batch) {
                int partition = EventSubject.of(event.getPayload())
                        .map(subject -> Math.floorMod(subject.ownerId().hashCode(), partitions)).orElse(0);
                parts.get(partition).add(event);
            }
            return parts;
        }

        /**
         * In one transaction: the live tables out, the rebuilt ones in under the live indexes'
         * names, and every segment of the read models' processors at the rebuild's last event.
         */
        private void switchOver(String liveSchema, TrackingToken last) {
            transactions.executeWithoutResult(status -> {
                jdbc.execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
                jdbc.execute("CREATE SCHEMA " + RETIRED);
                for (String table : tables()) {
                    jdbc.execute("ALTER TABLE " + liveSchema + "." + table + " SET SCHEMA " + RETIRED);
                    jdbc.execute("ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA " + liveSchema);
                    keepIndexNames(liveSchema, table);
                }
                jdbc.execute("DROP SCHEMA " + SCHEMA);
                if (last != null) {
                    for (String group : models.keySet()) {
                        String name = processor(group).getName();
                        for (int segment : tokenStore.fetchSegments(name)) {
                            tokenStore.storeToken(last, name, segment);
                            tokenStore.releaseClaim(name, segment);
                        }
                    }
                }
            });
        }

        /** Gives each index of the rebuilt table the name of the live one it matches (Flyway's migrations name them). */
        private void keepIndexNames(String liveSchema, String table) {
            Map<String, String> retiredByShape = indexesByShape(RETIRED, table);
            indexesByShape(liveSchema, table).forEach((shape, rebuiltName) -> {
                String liveName = retiredByShape.get(shape);
                if (liveName != null && !liveName.equals(rebuiltName)) {
                    jdbc.execute("ALTER INDEX " + liveSchema + "." + rebuiltName + " RENAME TO " + liveName);
                }
            });
        }

        /** A table's indexes by their definition without their name and table: index name by shape. */
        private Map<String, String> indexesByShape(String schema, String table) {
            Map<String, String> byShape = new LinkedHashMap<>();
            jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?",
                    row -> {
                        byShape.put(INDEX_NAME.matcher(row.getString("indexdef")).replaceFirst(
                                row.getString("indexdef").startsWith("CREATE UNIQUE") ? "UNIQUE " : ""),
                                row.getString("indexname"));
                    }, schema, table);
            return byShape;
        }
    }

    /**
     * Starts rebuilding these read models (by processing group) in the background, unless a
     * rebuild is running already; answers whether it started.
     */
    boolean start(List<RebuiltReadModel> models) {
        Map<String, RebuiltReadModel> byGroup = new LinkedHashMap<>();
        models.forEach(model -> byGroup.putIfAbsent(model.group(), model));
        Rebuild rebuild = new Rebuild(byGroup);
        if (!running.compareAndSet(null, rebuild)) {
            return false;
        }
        Thread thread = new Thread(rebuild, "rebuild-" + String.join("-", byGroup.keySet()));
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** How far the running rebuild has come, by processing group; empty when none runs. */
    Map<String, Long> progress() {
        Rebuild rebuild = running.get();
        Map<String, Long> progress = new LinkedHashMap<>();
        if (rebuild != null) {
            rebuild.models.keySet().forEach(group -> progress.put(group, rebuild.position));
        }
        return progress;
    }
}

package app.rapport.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of every step against a running app, in this order: database settings, write
 * path, raw baselines at the same concurrency, bulk load of a large journal, queries at that
 * scale, a replay of every projection over the whole store, and asOf queries for owners of one
 * journal's size loaded last; after the HTTP floor, a password-guessing flood beside a signed-in
 * user. Answers every figure by its key.
 */
final class Benchmark {

    private final App app;
    private final Settings settings;
    private final Users users;
    private final Consumer<String> out;
    private final Api api;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    Benchmark(App app, Settings settings, Users users, Consumer<String> out) {
        this.app = app;
        this.settings = settings;
        this.users = users;
        this.out = out;
        this.api = new Api(app.baseUrl());
    }

    Map<String, Object> run() throws Exception {
        Database database = app.database();
        figures.put("run", settings.name());
        figures.put("clients", settings.clients());
        figures.putAll(database.settings());
        figures.put("cold_start_s", round(app.coldStartSeconds(), 2));
        out.accept(String.format("PostgreSQL %s: shared_buffers=%s synchronous_commit=%s fsync=%s max_connections=%s",
                figures.get("pg_version"), figures.get("pg_shared_buffers"), figures.get("pg_synchronous_commit"),
                figures.get("pg_fsync"), figures.get("pg_max_connections")));
        out.accept(String.format("App healthy %.2f s after launch", app.coldStartSeconds()));
        firstRequest();

        writePath();
        // after the write path, so the JIT has warmed the HTTP stack as it has for the commands
        httpFloor();
        guessingFlood();
        rawBaselines(database);
        Map<String, java.util.List<java.util.UUID>> contactsOf = bulkLoad(database);
        queries(contactsOf);
        // the same owners as the queries, through the pages: what a person signed in waits for
        PageLoad.step(app.baseUrl(), contactsOf, settings, figures, out);
        replay(contactsOf);
        // last, so the figures before it are those of earlier runs: its owners are not in the replay
        asOf(database);

        // last: the imported contacts change no figure before it
        figures.putAll(new ImportLoad(app.baseUrl(), out).run(Users.IMPORTER, ImportLoad.rowsFor(settings)));

        double write = (double) figures.get("write_commands_per_s");
        double rawSingle = (double) figures.get("raw_single_tx_inserts_per_s");
        double replay = (double) figures.get("replay_events_per_s");
        double slowerRaw = Math.min((double) figures.get("raw_scan_parse_rows_per_s"),
                (double) figures.get("raw_batch_insert_rows_per_s"));
        figures.put("write_ratio", round(write / rawSingle, 3));
        figures.put("write_vs_http_floor", round(write / (double) figures.get("http_floor_requests_per_s"), 3));
        figures.put("replay_ratio", round(replay / slowerRaw, 3));
        return figures;
    }

    private void writePath() throws Exception {
        // The app's first seconds are the JIT compiling the command path (C1, as the README runs it):
        // the quick run's writes climbed from 77 to 245 commands/s over its 15 s. An unmeasured slice
        // first, so the figures are of the app as it runs all day, as the HTTP floor's (after it) are.
        Duration warmUp = settings.writeDuration().dividedBy(3);
        out.accept(String.format("Write path: %d clients, %d s unmeasured to warm the JIT up", settings.clients(),
                warmUp.toSeconds()));
        WritePath.Result warm = new WritePath(api, out).run(users.writers, warmUp, settings.progressEvery());
        figures.put("write_warmup_commands_per_s", round(warm.commandsPerSecond(), 1));
        out.accept(String.format("Write path: %d clients driving relationship lifecycles for %d s",
                settings.clients(), settings.writeDuration().toSeconds()));
        WritePath.Result result = new WritePath(api, out).run(users.writers, settings.writeDuration(),
                settings.progressEvery());
        figures.put("write_commands", result.commands());
        figures.put("write_lifecycles", result.lifecycles());
        figures.put("write_errors", result.errors());
        figures.put("write_commands_per_s", round(result.commandsPerSecond(), 1));
        figures.put("write_p50_ms", round(result.latency().percentileMillis(50), 2));
        figures.put("write_p95_ms", round(result.latency().percentileMillis(95), 2));
        figures.put("write_p99_ms", round(result.latency().percentileMillis(99), 2));
        figures.put("lag_samples", result.lag().count());
        figures.put("lag_timeouts", result.lagTimeouts());
        figures.put("lag_probes_dropped", result.lagSamplesDropped());
        figures.put("lag_p50_ms", round(result.lag().percentileMillis(50), 2));
        figures.put("lag_p99_ms", round(result.lag().percentileMillis(99), 2));
        if (result.firstError() != null) {
            out.accept("  first write error: " + result.firstError());
        }
    }

    /** The HTTP stack's own ceiling: an authenticated GET that reads almost nothing, from the same clients. */
    private void httpFloor() throws Exception {
        out.accept(String.format("HTTP floor: %d clients, authenticated GET /api/mentees for %d s", settings.clients(),
                settings.rawSingleDuration().toSeconds()));
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        Latencies latency = new Latencies();
        for (String writer : users.writers) {
            api.get(Users.auth(writer), "/api/mentees");
        }
        long started = System.nanoTime();
        long deadline = started + settings.rawSingleDuration().toNanos();
        RawBaseline.runOnThreads(settings.clients(), client -> {
            String auth = Users.auth(users.writers.get(client));
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                api.get(auth, "/api/mentees");
                latency.add(System.nanoTime() - t0);
                requests.incrementAndGet();
            }
        });
        double perSecond = requests.get() / ((System.nanoTime() - started) / 1e9);
        figures.put("http_floor_requests_per_s", round(perSecond, 1));
        figures.put("http_floor_p50_ms", round(latency.percentileMillis(50), 2));
        figures.put("http_floor_p99_ms", round(latency.percentileMillis(99), 2));
        out.accept(String.format("  %,.0f requests/s", perSecond));
    }

    /** What password guessing costs a signed-in user, and how many guesses the app checks. */
    private void guessingFlood() throws Exception {
        String target = users.writers.get(0);
        String signedIn = users.writers.get(users.writers.size() - 1);
        out.accept(String.format("Guessing flood: %d clients guess %s's password while %s reads, %d s each without and with",
                GuessingFlood.GUESSERS, target, signedIn, settings.rawSingleDuration().toSeconds()));
        GuessingFlood.Result result = new GuessingFlood(api, app.baseUrl(), out)
                .run(target, signedIn, settings.rawSingleDuration());
        figures.put("guess_checked_per_s", round(result.checkedPerSecond(), 1));
        figures.put("guess_refused_per_s", round(result.refusedPerSecond(), 1));
        figures.put("signed_in_p50_ms_idle", round(result.idle().percentileMillis(50), 2));
        figures.put("signed_in_p95_ms_idle", round(result.idle().percentileMillis(95), 2));
        figures.put("signed_in_p50_ms_flood", round(result.flood().percentileMillis(50), 2));
        figures.put("signed_in_p95_ms_flood", round(result.flood().percentileMillis(95), 2));
        figures.put("signed_in_errors_flood", result.signedInErrors());
        out.accept(String.format("  guesses checked %.1f/s, refused %.1f/s (other answers %d); signed-in p50 %.2f -> %.2f ms,"
                        + " p95 %.2f -> %.2f ms, %d failed", result.checkedPerSecond(), result.refusedPerSecond(),
                result.otherAnswers(), result.idle().percentileMillis(50), result.flood().percentileMillis(50),
                result.idle().percentileMillis(95), result.flood().percentileMillis(95), result.signedInErrors()));
    }

    private void rawBaselines(Database database) throws Exception {
        RawBaseline raw = new RawBaseline(database, out);
        raw.createTable();
        try {
            figures.put("raw_row_bytes_avg", round(raw.averageRowBytes(), 0));
            out.accept(String.format("Raw JDBC: one-row transactions from %d connections for %d s",
                    settings.clients(), settings.rawSingleDuration().toSeconds()));
            double single = raw.singleRowTransactions(settings.clients(), settings.rawSingleDuration());
            figures.put("raw_single_tx_inserts_per_s", round(single, 1));
            out.accept(String.format("  %,.0f rows/s", single));
            out.accept(String.format("Raw JDBC: %,d rows in 1 000-row INSERTs from %d connections",
                    settings.rawBatchRows(), settings.clients()));
            double batched = raw.batchedInserts(settings.clients(), settings.rawBatchRows());
            figures.put("raw_batch_insert_rows_per_s", round(batched, 1));
            out.accept(String.format("  %,.0f rows/s", batched));
            out.accept("Raw JDBC: sequential scan of those rows, parsing payload and metadata JSON");
            long[] rows = new long[1];
            double scan = raw.scanAndParse(rows);
            figures.put("raw_scan_rows", rows[0]);
            figures.put("raw_scan_parse_rows_per_s", round(scan, 1));
            out.accept(String.format("  %,d rows, %,.0f rows/s", rows[0], scan));
        } finally {
            raw.dropTable();
        }
    }

    private Map<String, java.util.List<java.util.UUID>> bulkLoad(Database database) throws Exception {
        out.accept(String.format("Bulk load: %,d owners x %d contacts x ~10 events, COPY into domain_event_entry",
                users.owners.size(), settings.contactsPerUser()));
        long started = System.nanoTime();
        EventLoader.Loaded loaded = new EventLoader(database, out).load(users.owners, settings.contactsPerUser(),
                new HashSet<>(users.queriers), 42);
        long head = database.queryLong("SELECT max(global_index) FROM domain_event_entry");
        figures.put("events_loaded", loaded.events());
        figures.put("contacts_loaded", loaded.contacts());
        figures.put("load_copy_events_per_s", round(loaded.events() / loaded.seconds(), 1));
        double caughtUp = new ProcessorWatch(api, out).awaitCaughtUp("projections after bulk load", head, started,
                settings.progressEvery().toMillis(), 7_200);
        figures.put("events_total", head);
        figures.put("load_catchup_s", round(caughtUp, 1));
        figures.put("load_catchup_events_per_s", round(loaded.events() / caughtUp, 1));
        return loaded.contactsOf();
    }

    private void queries(Map<String, java.util.List<java.util.UUID>> contactsOf) throws Exception {
        out.accept(String.format("Queries: %d clients, %d random owners of %,d, for %d s", settings.clients(),
                contactsOf.size(), users.owners.size(), settings.queryDuration().toSeconds()));
        QueryLoad.Result result = new QueryLoad(api, out).run(contactsOf, settings.clients(), settings.queryDuration(),
                settings.progressEvery());
        figures.put("queries_per_s", round(result.queriesPerSecond(), 1));
        figures.put("query_errors", result.errors());
        for (QueryLoad.Kind kind : QueryLoad.Kind.values()) {
            String name = kind.name().toLowerCase();
            figures.put(name + "_p50_ms", round(result.latency().get(kind).percentileMillis(50), 2));
            figures.put(name + "_p99_ms", round(result.latency().get(kind).percentileMillis(99), 2));
        }
        // the slowest kind's tail above the HTTP floor's: what a query adds to an authenticated no-op
        double slowest = 0;
        for (QueryLoad.Kind kind : QueryLoad.Kind.values()) {
            slowest = Math.max(slowest, (double) figures.get(kind.name().toLowerCase() + "_p99_ms"));
        }
        figures.put("queries_p99_over_floor_ms", round(slowest - (double) figures.get("http_floor_p99_ms"), 2));
        if (result.firstError() != null) {
            out.accept("  first query error: " + result.firstError());
        }
    }

    /**
     * The first request a person makes once the app is healthy, as they make it: authenticated,
     * its password checked by bcrypt, on a JIT that has compiled nothing of the API yet.
     */
    private void firstRequest() {
        long started = System.nanoTime();
        Api.Answer answer = api.get(Users.auth(Users.IMPORTER), "/api/contacts?size=1");
        double millis = (System.nanoTime() - started) / 1e6;
        figures.put("first_request_ms", round(millis, 1));
        out.accept(String.format("  first request (GET /api/contacts, its password checked): %d in %.0f ms",
                answer.status(), millis));
    }

    /**
     * Every projection rebuilt from the store while one person reads: the queries' answers during
     * the replay, and those that miss what the journal had before it.
     */
    private void replay(Map<String, java.util.List<java.util.UUID>> contactsOf) throws Exception {
        ProcessorWatch watch = new ProcessorWatch(api, out);
        long head = watch.status().head();
        out.accept(String.format("Replay: every projection reset and rebuilt from %,d events, one client reading", head));
        ReplayReads reads = ReplayReads.start(api, contactsOf, 10);
        long started = System.nanoTime();
        Api.Answer answer = api.post(Users.auth(Users.ADMIN), "/api/admin/replay?processor=all", null);
        if (answer.status() != 202) {
            throw new IllegalStateException("POST /api/admin/replay answered " + answer.status() + " " + answer.body());
        }
        double seconds = watch.awaitCaughtUp("replay", head, started, settings.progressEvery().toMillis(), 7_200);
        ReplayReads.Result during = reads.stop();
        figures.put("replay_events", head);
        figures.put("replay_wall_s", round(seconds, 1));
        figures.put("replay_events_per_s", round(head / seconds, 1));
        figures.put("replay_queries", during.answers());
        figures.put("replay_query_p99_ms", round(during.latency().percentileMillis(99), 2));
        figures.put("replay_query_errors", during.errors());
        figures.put("replay_incomplete_answers", during.incomplete());
        out.accept(String.format("  during the replay: %,d answers, p99 %.1f ms, %d errors, %d missing what the "
                        + "journal had before", during.answers(), during.latency().percentileMillis(99), during.errors(),
                during.incomplete()));
        if (during.firstProblem() != null) {
            out.accept("  first: " + during.firstProblem());
        }
    }

    /**
     * The journal as of a moment (the contact list, a contact, the overdue view, analytics), each
     * folded from the owner's events on the query; owners of 50 contacts and about 500 events,
     * asOf within the last 30 days, so nearly the whole journal is folded every time.
     */
    private void asOf(Database database) throws Exception {
        out.accept(String.format("asOf: %d owners x %d contacts x ~10 events, COPY into domain_event_entry",
                users.asOfOwners.size(), settings.asOfContactsPerUser()));
        long started = System.nanoTime();
        EventLoader.Loaded loaded = new EventLoader(database, out).load(users.asOfOwners,
                settings.asOfContactsPerUser(), new HashSet<>(users.asOfOwners), 43);
        long head = database.queryLong("SELECT max(global_index) FROM domain_event_entry");
        new ProcessorWatch(api, out).awaitCaughtUp("projections after the asOf owners' load", head, started,
                settings.progressEvery().toMillis(), 7_200);
        out.accept(String.format("asOf: %d clients, %d owners of ~%.0f events, for %d s", settings.clients(),
                users.asOfOwners.size(), loaded.events() / (double) users.asOfOwners.size(),
                settings.asOfDuration().toSeconds()));
        AsOfLoad.Result result = new AsOfLoad(api, out).run(loaded.contactsOf(), settings.clients(),
                settings.asOfDuration(), settings.progressEvery());
        figures.put("asof_owner_events_avg", round(loaded.events() / (double) users.asOfOwners.size(), 1));
        figures.put("asof_queries_per_s", round(result.queriesPerSecond(), 1));
        figures.put("asof_errors", result.errors());
        figures.put("asof_p50_ms", round(result.all().percentileMillis(50), 2));
        figures.put("asof_p99_ms", round(result.all().percentileMillis(99), 2));
        for (AsOfLoad.Kind kind : AsOfLoad.Kind.values()) {
            figures.put("asof_" + kind.name().toLowerCase() + "_p99_ms",
                    round(result.latency().get(kind).percentileMillis(99), 2));
        }
        figures.put("asof_live_p50_ms", round(result.live().percentileMillis(50), 2));
        figures.put("asof_live_p99_ms", round(result.live().percentileMillis(99), 2));
        if (result.firstError() != null) {
            out.accept("  first asOf error: " + result.firstError());
        }
    }

    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

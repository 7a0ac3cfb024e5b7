package app.rapport.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What encrypting personal data costs the write path and the replay, measured after the other
 * steps on the run's app (which encrypts) against a second app started with
 * {@code rapport.privacy.encrypt=false} on a fresh database, both running meanwhile.
 * <p>
 * The two are measured in alternation, write-path slices A B A B … and replays A B A B, never one
 * after the other as wholes: on a machine shared with other work the load drifts by more than the
 * difference sought (a quick run here saw raw inserts fall from 10 000 to 1 600 rows/s between
 * runs), and alternating gives both the same drift.
 * <p>
 * The bulk load COPYs events as earlier releases stored them, personal fields in plain JSON. So
 * that the encrypting app's replay reads an encrypted store, it is restarted first: its start-up
 * migration encrypts what was loaded ({@code privacy_migration_s}; {@code replay_reads_encrypted}
 * says no contact's name was left in plain text). The plain app gets the same bulk load.
 */
final class EncryptionCost {

    /** Replays of each app: two each, since one replay of the whole store is long at full scale. */
    private static final int REPLAYS = 2;

    private final Settings settings;
    private final Users users;
    private final Consumer<String> out;

    EncryptionCost(Settings settings, Users users, Consumer<String> out) {
        this.settings = settings;
        this.users = users;
        this.out = out;
    }

    /** The properties that make an app a plain baseline: no encryption of new writes, no start-up migration. */
    static Map<String, String> plainProperties(Map<String, String> properties) {
        Map<String, String> plain = new LinkedHashMap<>(properties);
        plain.put("rapport.privacy.encrypt", "false");
        plain.put("rapport.privacy.migration.enabled", "false");
        return plain;
    }

    /**
     * @param encrypting the run's app, after every other step, restartable
     * @param plain a fresh app with {@link #plainProperties}
     */
    Map<String, Object> run(App encrypting, App plain) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        out.accept("Encryption cost: the run's app (encrypting) against a fresh app with rapport.privacy.encrypt=false");
        out.accept("  restart of the encrypting app: its start-up migration encrypts the events loaded in plain JSON");
        long restarted = System.nanoTime();
        encrypting.restart();
        long left = waitUntilEncrypted(encrypting.database());
        double migration = (System.nanoTime() - restarted) / 1e9;
        figures.put("privacy_migration_s", Benchmark.round(migration, 1));
        figures.put("replay_reads_encrypted", left == 0);
        out.accept(left == 0 ? String.format("  every loaded event encrypted %.1f s after the restart", migration)
                : String.format("  %,d contacts still in plain text after %.0f s: the replay reads them so", left, migration));

        out.accept(String.format("  the same bulk load into the plain app: %,d owners x %d contacts", users.owners.size(),
                settings.contactsPerUser()));
        long loadStarted = System.nanoTime();
        new EventLoader(plain.database(), out).load(users.owners, settings.contactsPerUser(), new HashSet<>(), 42);
        new ProcessorWatch(new Api(plain.baseUrl()), out).awaitCaughtUp("plain app after bulk load",
                plain.database().queryLong("SELECT max(global_index) FROM domain_event_entry"), loadStarted,
                settings.progressEvery().toMillis(), 7_200);
        figures.put("plain_events_readable", plaintextContactsAdded(plain.database()) > 0);

        int rounds = settings.encryptionRounds();
        Duration slice = settings.writeDuration().dividedBy(rounds);
        out.accept(String.format("  write path: a slice of %d s on each app to warm it up, then %d slices each, in turn",
                slice.toSeconds(), rounds));
        // both processes were just started: their first seconds run code the JIT has not compiled yet
        new WritePath(new Api(encrypting.baseUrl()), line -> { }).run(users.writers, slice, slice);
        new WritePath(new Api(plain.baseUrl()), line -> { }).run(users.writers, slice, slice);
        Slices encrypted = new Slices();
        Slices baseline = new Slices();
        for (int round = 0; round < rounds; round++) {
            encrypted.add(new WritePath(new Api(encrypting.baseUrl()), line -> { }).run(users.writers, slice, slice));
            baseline.add(new WritePath(new Api(plain.baseUrl()), line -> { }).run(users.writers, slice, slice));
            out.accept(String.format("    round %d: %,.1f against %,.1f commands/s so far", round + 1,
                    encrypted.perSecond(), baseline.perSecond()));
        }
        figures.put("write_commands_encrypted", encrypted.commands);
        figures.put("write_errors_encrypted", encrypted.errors);
        figures.put("write_commands_per_s_encrypted", Benchmark.round(encrypted.perSecond(), 1));
        figures.put("write_commands_plain", baseline.commands);
        figures.put("write_errors_plain", baseline.errors);
        figures.put("write_commands_per_s_plain", Benchmark.round(baseline.perSecond(), 1));
        if (encrypted.firstError != null || baseline.firstError != null) {
            out.accept("  first write error: " + (encrypted.firstError != null ? encrypted.firstError : baseline.firstError));
        }

        out.accept(String.format("  replay: %d of every projection on each app, in turn", REPLAYS));
        double encryptedReplay = 0;
        double plainReplay = 0;
        long encryptedEvents = 0;
        long plainEvents = 0;
        for (int round = 0; round < REPLAYS; round++) {
            double[] e = replay(encrypting, "encrypting app");
            double[] p = replay(plain, "plain app");
            encryptedEvents += (long) e[0];
            encryptedReplay += e[1];
            plainEvents += (long) p[0];
            plainReplay += p[1];
        }
        figures.put("replay_events_encrypted", encryptedEvents / REPLAYS);
        figures.put("replay_events_per_s_encrypted", Benchmark.round(encryptedEvents / encryptedReplay, 1));
        figures.put("replay_events_plain", plainEvents / REPLAYS);
        figures.put("replay_events_per_s_plain", Benchmark.round(plainEvents / plainReplay, 1));

        figures.put("encryption_write_cost", loss(encrypted.perSecond(), baseline.perSecond()));
        figures.put("encryption_replay_cost", loss(encryptedEvents / encryptedReplay, plainEvents / plainReplay));
        out.accept(String.format("  encryption costs the write path %.1f %% (%.1f against %.1f commands/s), the replay"
                        + " %.1f %% (%,.0f against %,.0f events/s)", 100 * (double) figures.get("encryption_write_cost"),
                encrypted.perSecond(), baseline.perSecond(), 100 * (double) figures.get("encryption_replay_cost"),
                encryptedEvents / encryptedReplay, plainEvents / plainReplay));
        return figures;
    }

    /** Commands and seconds summed over slices of the write path. */
    private static final class Slices {
        long commands;
        long errors;
        double seconds;
        String firstError;

        void add(WritePath.Result slice) {
            commands += slice.commands();
            errors += slice.errors();
            seconds += slice.commands() / slice.commandsPerSecond();
            if (firstError == null) {
                firstError = slice.firstError();
            }
        }

        double perSecond() {
            return commands / seconds;
        }
    }

    /** One replay of every projection; answers the events replayed and the seconds it took. */
    private double[] replay(App app, String which) throws Exception {
        Api api = new Api(app.baseUrl());
        ProcessorWatch watch = new ProcessorWatch(api, line -> { });
        long head = watch.status().head();
        long started = System.nanoTime();
        Api.Answer answer = api.post(Users.auth(Users.ADMIN), "/api/admin/replay?processor=all", null);
        if (answer.status() != 202) {
            throw new IllegalStateException("POST /api/admin/replay answered " + answer.status() + " " + answer.body());
        }
        double seconds = watch.awaitCaughtUp("replay", head, started, settings.progressEvery().toMillis(), 7_200);
        out.accept(String.format("    %s: %,d events in %.1f s, %,.0f events/s", which, head, seconds, head / seconds));
        return new double[] {head, seconds};
    }

    /** Waits (up to 30 min) until no stored contact's name is in plain text; answers how many are left. */
    private static long waitUntilEncrypted(Database database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long left = plaintextContactsAdded(database);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            left = plaintextContactsAdded(database);
        }
        return left;
    }

    /** Stored ContactAdded events whose contact's name is in plain text, not encrypted. */
    private static long plaintextContactsAdded(Database database) throws Exception {
        return database.queryLong("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type = 'app.rapport.events.contact.ContactAdded'
                  AND encode(payload, 'escape') ~ '"name":"(?!encrypted:v1:)'""");
    }

    /** The relative loss of the encrypting app: 0.05 is 5 % slower; negative when it was faster (the machine's noise). */
    private static double loss(double withEncryption, double without) {
        return Benchmark.round(1 - withEncryption / without, 3);
    }
}

package app.rapport.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Random owners reading their journals as of a moment at once: the contact list, one contact, the
 * overdue view and outreach analytics, each with an {@code asOf} within the last 30 days, picked at
 * random by {@code clients} concurrent clients. Every answer folds the owner's events recorded by
 * then, so this is the engine's cost, not a read model's. Every fifth query of each client asks
 * the same view without {@code asOf} instead (not counted in the asOf figures): on a shared
 * machine, the live answers' latency in the same seconds says how loaded it was.
 */
final class AsOfLoad {

    enum Kind { CONTACTS, CONTACT, OVERDUE, ANALYTICS }

    record Result(Map<Kind, Latencies> latency, Latencies all, Latencies live, long queries, long errors,
                  double queriesPerSecond, String firstError) {
    }

    private static final int LIVE_EVERY = 5;

    private static final String[] GROUP_BY = {"channel", "source", "specialization", "month"};
    private static final long WINDOW_SECONDS = Duration.ofDays(30).toSeconds();
    /** Queries per client before measuring: the fold's own code paths (temporary tables) have not run yet. */
    private static final int WARM_UP = 10;

    private final Api api;
    private final Consumer<String> out;

    AsOfLoad(Api api, Consumer<String> out) {
        this.api = api;
        this.out = out;
    }

    Result run(Map<String, List<UUID>> contactsOf, int clients, Duration duration, Duration progressEvery)
            throws Exception {
        List<String> owners = new ArrayList<>(contactsOf.keySet());
        long warm = System.nanoTime();
        RawBaseline.runOnThreads(clients, client -> {
            Random random = new Random(2_000 + client);
            for (int i = client; i < owners.size(); i += clients) {
                api.get(Users.auth(owners.get(i)), "/api/contacts?size=1");
            }
            for (int i = 0; i < WARM_UP; i++) {
                String owner = owners.get(random.nextInt(owners.size()));
                api.get(Users.auth(owner), path(Kind.values()[i % Kind.values().length], contactsOf.get(owner), random));
            }
        });
        out.accept(String.format("  asOf: %d owners signed in (bcrypt) and %d queries to warm up in %.1f s",
                owners.size(), clients * WARM_UP, (System.nanoTime() - warm) / 1e9));
        Map<Kind, Latencies> latency = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            latency.put(kind, new Latencies());
        }
        Latencies all = new Latencies();
        Latencies live = new Latencies();
        Answers answers = new Answers("asOf", progressEvery, out);
        long deadline = answers.deadline(duration);
        RawBaseline.runOnThreads(clients, client -> {
            Random random = new Random(3_000 + client);
            for (long i = 1; System.nanoTime() < deadline; i++) {
                String owner = owners.get(random.nextInt(owners.size()));
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                String path = path(kind, contactsOf.get(owner), random);
                boolean reference = i % LIVE_EVERY == 0;
                if (reference) {
                    path = path.replaceFirst("[?&]asOf=[^&]*$", "");
                }
                long t0 = System.nanoTime();
                Api.Answer answer = api.get(Users.auth(owner), path);
                long t1 = System.nanoTime();
                if (reference) {
                    live.add(t1 - t0);
                } else {
                    latency.get(kind).add(t1 - t0);
                    all.add(t1 - t0);
                }
                answers.add(client, path, answer.status(), answer.body(), !reference, t1);
            }
        });
        return new Result(latency, all, live, answers.counted(), answers.errors(), answers.perSecond(),
                answers.firstError());
    }

    /** A moment in the last 30 days, at least a second ago: the app refuses an asOf after its now. */
    private static String path(Kind kind, List<UUID> contacts, Random random) {
        Instant asOf = Instant.now().minusSeconds(1 + (long) (random.nextDouble() * WINDOW_SECONDS));
        return switch (kind) {
            case CONTACTS -> "/api/contacts?asOf=" + asOf;
            case CONTACT -> "/api/contacts/" + contacts.get(random.nextInt(contacts.size())) + "?asOf=" + asOf;
            case OVERDUE -> "/api/follow-ups/overdue?asOf=" + asOf;
            case ANALYTICS -> "/api/analytics/outreach?groupBy=" + GROUP_BY[random.nextInt(GROUP_BY.length)]
                    + "&asOf=" + asOf;
        };
    }
}

package app.rapport.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Random owners reading their journals at once: a contact's timeline, the contact list, the
 * overdue view, outreach analytics, the practice and referral reports and the calendar's
 * interviews, picked at random by {@code clients} concurrent clients.
 */
final class QueryLoad {

    enum Kind { TIMELINE, CONTACTS, OVERDUE, ANALYTICS, PRACTICE, REFERRALS, SCHEDULED }

    record Result(Map<Kind, Latencies> latency, long queries, long errors, double queriesPerSecond, String firstError) {
    }

    private static final String[] GROUP_BY = {"channel", "source", "specialization", "month"};

    private final Api api;
    private final Consumer<String> out;

    QueryLoad(Api api, Consumer<String> out) {
        this.api = api;
        this.out = out;
    }

    Result run(Map<String, List<UUID>> contactsOf, int clients, Duration duration, Duration progressEvery)
            throws Exception {
        List<String> owners = new ArrayList<>(contactsOf.keySet());
        // sign every owner in once (bcrypt) before measuring, as for users already signed in
        long warm = System.nanoTime();
        RawBaseline.runOnThreads(clients, client -> {
            for (int i = client; i < owners.size(); i += clients) {
                api.get(Users.auth(owners.get(i)), "/api/contacts?size=1");
            }
        });
        out.accept(String.format("  queries: %d owners signed in (bcrypt) in %.1f s", owners.size(),
                (System.nanoTime() - warm) / 1e9));
        Map<Kind, Latencies> latency = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            latency.put(kind, new Latencies());
        }
        Answers answers = new Answers("queries", progressEvery, out);
        long deadline = answers.deadline(duration);
        RawBaseline.runOnThreads(clients, client -> {
            Random random = new Random(1_000 + client);
            while (System.nanoTime() < deadline) {
                String owner = owners.get(random.nextInt(owners.size()));
                List<UUID> contacts = contactsOf.get(owner);
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                String path = switch (kind) {
                    case TIMELINE -> "/api/contacts/" + contacts.get(random.nextInt(contacts.size())) + "/timeline";
                    case CONTACTS -> "/api/contacts";
                    case OVERDUE -> "/api/follow-ups/overdue";
                    case ANALYTICS -> "/api/analytics/outreach?groupBy=" + GROUP_BY[random.nextInt(GROUP_BY.length)];
                    case PRACTICE -> "/api/reports/practice";
                    case REFERRALS -> "/api/reports/referrals";
                    case SCHEDULED -> "/api/interviews/scheduled";
                };
                long t0 = System.nanoTime();
                Api.Answer answer = api.get(Users.auth(owner), path);
                long t1 = System.nanoTime();
                latency.get(kind).add(t1 - t0);
                answers.add(client, path, answer.status(), answer.body(), true, t1);
            }
        });
        return new Result(latency, answers.counted(), answers.errors(), answers.perSecond(), answers.firstError());
    }
}

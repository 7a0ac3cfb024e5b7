package app.rapport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person reading their journal while every read model is rebuilt: before the replay, how many
 * contacts each of some owners has and how many entries one contact's timeline holds; during it,
 * one client asks those two questions at random and counts the answers that fail and those that
 * miss what the journal had before ({@code replay_query_*}, {@code replay_incomplete_answers}).
 */
final class ReplayReads {

    record Result(Latencies latency, long answers, long errors, long incomplete, String firstProblem) {
    }

    /** What one owner's journal held before the replay. */
    private record Before(String owner, UUID contact, long contacts, long entries) {
    }

    private final Api api;
    private final List<Before> before = new ArrayList<>();
    private final Latencies latency = new Latencies();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private volatile String firstProblem;
    private volatile boolean stopped;
    private Thread reader;

    private ReplayReads(Api api) {
        this.api = api;
    }

    /** Reads what the owners' journals hold now, then keeps asking on a thread of its own until {@link #stop}. */
    static ReplayReads start(Api api, Map<String, List<UUID>> contactsOf, int owners) {
        ReplayReads reads = new ReplayReads(api);
        for (Map.Entry<String, List<UUID>> owner : contactsOf.entrySet()) {
            if (reads.before.size() == owners) {
                break;
            }
            String auth = Users.auth(owner.getKey());
            UUID contact = owner.getValue().get(0);
            reads.before.add(new Before(owner.getKey(), contact, total(api.get(auth, "/api/contacts?size=1")),
                    total(api.get(auth, "/api/contacts/" + contact + "/timeline?size=1"))));
        }
        reads.reader = new Thread(reads::read, "replay-reads");
        reads.reader.setDaemon(true);
        reads.reader.start();
        return reads;
    }

    private void read() {
        Random random = new Random(7);
        while (!stopped) {
            Before owner = before.get(random.nextInt(before.size()));
            boolean list = random.nextBoolean();
            String path = list ? "/api/contacts?size=1" : "/api/contacts/" + owner.contact() + "/timeline?size=1";
            long t0 = System.nanoTime();
            Api.Answer answer = api.get(Users.auth(owner.owner()), path);
            latency.add(System.nanoTime() - t0);
            answers.incrementAndGet();
            if (answer.status() != 200) {
                errors.incrementAndGet();
                problem(path + " -> " + answer.status() + " " + answer.body());
            } else if (total(answer) < (list ? owner.contacts() : owner.entries())) {
                incomplete.incrementAndGet();
                problem(path + " -> total " + total(answer) + ", before the replay " + (list ? owner.contacts()
                        : owner.entries()));
            }
        }
    }

    private void problem(String what) {
        if (firstProblem == null) {
            firstProblem = what;
        }
    }

    Result stop() throws InterruptedException {
        stopped = true;
        reader.join(30_000);
        return new Result(latency, answers.get(), errors.get(), incomplete.get(), firstProblem);
    }

    private static long total(Api.Answer answer) {
        try {
            JsonNode node = StoredEvents.MAPPER.readTree(answer.body());
            return node.path("total").asLong(-1);
        } catch (Exception notJson) {
            return -1;
        }
    }
}

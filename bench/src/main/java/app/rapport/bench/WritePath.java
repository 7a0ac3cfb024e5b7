package app.rapport.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import app.rapport.values.Channel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Simulated networkers, one per client, each driving whole relationships over HTTP: add a contact,
 * request an interview, record the answer, and for accepted ones schedule, prepare, hold, thank and
 * follow up. Every third command is followed, on a separate prober, by a query with
 * {@code consistentWith=<position>}: command answered to query answered is the projection lag
 * (the query checks again as each batch of the processors ends, at least every 20 ms).
 */
final class WritePath {

    record Result(long commands, long lifecycles, long errors, double commandsPerSecond, Latencies latency,
                  Latencies lag, long lagTimeouts, long lagSamplesDropped, String firstError) {
    }

    private static final int PROBE_EVERY = 3;

    private final Api api;
    private final Consumer<String> out;

    WritePath(Api api, Consumer<String> out) {
        this.api = api;
        this.out = out;
    }

    Result run(List<String> writers, Duration duration, Duration progressEvery) throws Exception {
        Latencies latency = new Latencies();
        Latencies lag = new Latencies();
        AtomicLong commands = new AtomicLong();
        AtomicLong lifecycles = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lagTimeouts = new AtomicLong();
        String[] firstError = {null};
        // a probe starts at once or is dropped: queueing behind slow probes would count as lag
        ThreadPoolExecutor probes = new ThreadPoolExecutor(0, 32, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy());
        // credentials verified (bcrypt) before the clock starts, as for a user already signed in
        for (String writer : writers) {
            api.get(Users.auth(writer), "/api/contacts?size=1");
        }
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        Thread progress = progressPrinter("write path", started, deadline, progressEvery, commands, errors);
        RawBaseline.runOnThreads(writers.size(), client -> {
            String auth = Users.auth(writers.get(client));
            Random random = new Random(client * 31L + 1);
            Client c = new Client(auth, random, latency, lag, commands, errors, lagTimeouts, probes, firstError);
            while (System.nanoTime() < deadline) {
                if (c.lifecycle(deadline)) {
                    lifecycles.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.interrupt();
        probes.shutdown();
        probes.awaitTermination(10, TimeUnit.SECONDS);
        long dropped = Math.max(0, (commands.get() - errors.get()) / PROBE_EVERY - lag.count());
        return new Result(commands.get(), lifecycles.get(), errors.get(), commands.get() / seconds, latency, lag,
                lagTimeouts.get(), dropped, firstError[0]);
    }

    private Thread progressPrinter(String what, long started, long deadline, Duration every, AtomicLong done,
                                   AtomicLong errors) {
        Thread thread = new Thread(() -> {
            try {
                while (System.nanoTime() < deadline) {
                    Thread.sleep(every.toMillis());
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.accept(String.format("  %s: %,d commands in %.0f s (%,.0f/s), %d errors", what, done.get(),
                            seconds, done.get() / seconds, errors.get()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "write-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private final class Client {
        private final String auth;
        private final Random random;
        private final Latencies latency;
        private final Latencies lag;
        private final AtomicLong commands;
        private final AtomicLong errors;
        private final AtomicLong lagTimeouts;
        private final ThreadPoolExecutor probes;
        private final String[] firstError;
        private int sent;

        Client(String auth, Random random, Latencies latency, Latencies lag, AtomicLong commands, AtomicLong errors,
               AtomicLong lagTimeouts, ThreadPoolExecutor probes, String[] firstError) {
            this.auth = auth;
            this.random = random;
            this.latency = latency;
            this.lag = lag;
            this.commands = commands;
            this.errors = errors;
            this.lagTimeouts = lagTimeouts;
            this.probes = probes;
            this.firstError = firstError;
        }

        /** One relationship from first contact to follow-ups; false if a command failed. */
        boolean lifecycle(long deadline) {
            String contact = UUID.randomUUID().toString();
            String interview = UUID.randomUUID().toString();
            String base = "/api/contacts/" + contact;
            String iv = base + "/interviews/" + interview;
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            if (!send(contact, "/api/contacts", json("contactId", contact, "name", "Contact " + contact.substring(0, 8),
                    "organization", "City Archives", "role", "Archivist", "specialization", "records",
                    "source", "COLD", "preferredChannel", channel.name(), "email", "someone@example.org"))) {
                return false;
            }
            int minutes = 20 + 5 * random.nextInt(3);
            if (!send(contact, base + "/interviews", json("interviewId", interview, "channel", channel.name(),
                    "durationMinutes", minutes, "purpose", "how archives hire", "message", "Hello, I am a student"))) {
                return false;
            }
            int outcome = random.nextInt(100);
            if (outcome >= 75) {
                return send(contact, iv + "/response", json("outcome", outcome < 90 ? "DECLINED" : "NO_RESPONSE"));
            }
            return send(contact, iv + "/response", json("outcome", "ACCEPTED", "note", "happy to"))
                    && send(contact, iv + "/schedule", json("scheduledFor", Instant.now().plus(Duration.ofDays(7)).toString(),
                    "mode", "VIDEO", "location", "video call"))
                    && send(contact, iv + "/preparation", json("questions",
                    List.of("How did you start?", "What is a typical week?", "Who else should I ask?"),
                    "researchNotes", "read their posts", "recordingPermissionAsked", true))
                    && send(contact, iv + "/hold", json("heldAt", Instant.now().toString(),
                    "actualMinutes", minutes - 5 + random.nextInt(16), "notes", "portfolio advice",
                    "checklist", Map.of("thankedAtStart", true, "introducedSelf", true,
                            "askedForReferrals", random.nextBoolean(), "thankedAtEnd", true)))
                    && send(contact, iv + "/thank-you", json("channel", "EMAIL", "note", "thank you"))
                    && send(contact, base + "/follow-ups", json("followUpId", UUID.randomUUID().toString(),
                    "kind", "ADVICE_TAKEN", "channel", "EMAIL", "note", "took your advice"));
        }

        private boolean send(String contact, String path, String body) {
            long started = System.nanoTime();
            Api.Answer answer = api.post(auth, path, body);
            long answered = System.nanoTime();
            latency.add(answered - started);
            commands.incrementAndGet();
            if (!answer.ok()) {
                errors.incrementAndGet();
                synchronized (firstError) {
                    if (firstError[0] == null) {
                        firstError[0] = path + " -> " + answer.status() + " " + answer.body();
                    }
                }
                return false;
            }
            if (++sent % PROBE_EVERY == 0) {
                long position = position(answer.body());
                String query = switch ((sent / PROBE_EVERY) % 3) {
                    case 0 -> "/api/contacts/" + contact + "/timeline?size=1&consistentWith=" + position;
                    case 1 -> "/api/contacts?size=1&consistentWith=" + position;
                    default -> "/api/follow-ups/overdue?size=1&consistentWith=" + position;
                };
                probes.execute(() -> {
                    Api.Answer seen = api.get(auth, query);
                    long visible = System.nanoTime();
                    if (seen.status() == 503) {
                        lagTimeouts.incrementAndGet();
                    }
                    lag.add(visible - answered);
                });
            }
            return true;
        }
    }

    static long position(String body) {
        try {
            JsonNode node = StoredEvents.MAPPER.readTree(body);
            return node.path("position").asLong();
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return StoredEvents.MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

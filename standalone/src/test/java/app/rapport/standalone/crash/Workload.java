package app.rapport.standalone.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * Simulated users driving whole relationships through the command API: each lifecycle adds a
 * contact, requests an interview, tries a thank-you too early (refused), then answers, schedules,
 * prepares, holds, thanks and follows up. Every attempt at a command and its outcome is recorded.
 * <p>
 * A plain user abandons the lifecycle when an answer never came (the server died) and starts a new
 * one once the server answers again. A {@linkplain #retrying retrying} user is a client behind a
 * load balancer: it sends the same request again while the answer leaves open whether it arrived
 * (none, 502, 503, 504), as any HTTP client with a retry policy does.
 */
final class Workload {

    /**
     * One attempt at a command and what came of it; status 0 means no answer arrived.
     *
     * @param event the event the command stores when it is accepted
     * @param refusalExpected whether the command is sent to be refused
     * @param once whether the command stores its event at most once however often it is repeated (an
     *             id the client chose, or a transition the aggregate refuses to make twice); scheduling
     *             and preparing store again when repeated
     * @param attempt 1 for the first sending of the command, 2 for its first repetition, and so on
     */
    record Sent(UUID contactId, String step, String event, boolean refusalExpected, boolean once, int status,
                long position, int attempt) {

        boolean answeredOk() {
            return status == 200 || status == 201;
        }

        /** An answer that leaves open whether the command reached a server and was stored. */
        boolean uncertain() {
            return UNCERTAIN.contains(status);
        }
    }

    /** No answer, or the gateway's: the server died while handling it (502), none was up (503), or it was too slow (504). */
    static final Set<Integer> UNCERTAIN = Set.of(0, 502, 503, 504);

    private record Step(String name, String method, String path, String event, boolean refusalExpected,
                        boolean once, String body) {
    }

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Instant START = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(1);

    private final Function<String, URI> commandSide;
    private final String authorization;
    private final Duration retryFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    final AtomicInteger answered = new AtomicInteger();
    /** Commands given up on while their answers were still uncertain. */
    final AtomicInteger unsettled = new AtomicInteger();
    /** The longest a command went from its first sending to an answer that settled it, in milliseconds. */
    final AtomicLong longestRetryMillis = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);

    Workload(Function<String, URI> commandSide, String user, String password) {
        this(commandSide, user, password, Duration.ZERO);
    }

    private Workload(Function<String, URI> commandSide, String user, String password, Duration retryFor) {
        this.commandSide = commandSide;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.retryFor = retryFor;
    }

    /** Users that repeat a command unchanged, for up to {@code retryFor}, while its answers leave its fate open. */
    static Workload retrying(Function<String, URI> api, String user, String password, Duration retryFor) {
        return new Workload(api, user, password, retryFor);
    }

    void stop() {
        running.set(false);
    }

    /** One simulated user: the given number of lifecycles, or fewer if stopped. */
    void user(int lifecycles) {
        for (int i = 0; i < lifecycles && running.get(); i++) {
            lifecycle();
        }
    }

    private void lifecycle() {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        String c = "/api/contacts/" + contact;
        String i = c + "/interviews/" + interview;
        List<Step> steps = List.of(
                new Step("add", "POST", "/api/contacts", "ContactAdded", false, true, """
                        {"contactId":"%s","name":"Crash %s","source":"COLD","at":"%s"}"""
                        .formatted(contact, contact, START)),
                new Step("request", "POST", c + "/interviews", "InterviewRequested", false, true, """
                        {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"work","at":"%s"}"""
                        .formatted(interview, START.plusSeconds(60))),
                new Step("early-thank-you", "POST", i + "/thank-you", "ThankYouSent", true, true,
                        "{\"channel\":\"EMAIL\"}"),
                new Step("accept", "POST", i + "/response", "InterviewAccepted", false, true,
                        "{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(START.plusSeconds(3600))),
                new Step("schedule", "POST", i + "/schedule", "InterviewScheduled", false, false,
                        "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"at\":\"%s\"}"
                                .formatted(START.plus(2, ChronoUnit.DAYS), START.plusSeconds(7200))),
                new Step("prepare", "POST", i + "/preparation", "InterviewPrepared", false, false,
                        "{\"questions\":[\"Why?\"],\"at\":\"%s\"}".formatted(START.plus(1, ChronoUnit.DAYS))),
                new Step("hold", "POST", i + "/hold", "InterviewHeld", false, true,
                        "{\"heldAt\":\"%s\",\"actualMinutes\":35}".formatted(START.plus(2, ChronoUnit.DAYS))),
                new Step("thank-you", "POST", i + "/thank-you", "ThankYouSent", false, true,
                        "{\"channel\":\"EMAIL\",\"at\":\"%s\"}".formatted(START.plus(3, ChronoUnit.DAYS))),
                new Step("follow-up", "POST", c + "/follow-ups", "FollowUpLogged", false, true,
                        "{\"followUpId\":\"%s\",\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"at\":\"%s\"}"
                                .formatted(UUID.randomUUID(), START.plus(9, ChronoUnit.DAYS))));
        for (Step step : steps) {
            if (!running.get()) {
                return;
            }
            Sent outcome = sendUntilSettled(contact, step);
            if (outcome.uncertain()) {
                unsettled.incrementAndGet();
                if (retryFor.isZero()) {
                    awaitAnswering();
                }
                return;
            }
            answered.incrementAndGet();
        }
    }

    /** Sends the step, and again while its answer is uncertain and the retry time lasts: the last attempt. */
    private Sent sendUntilSettled(UUID contact, Step step) {
        long first = System.nanoTime();
        long deadline = first + retryFor.toNanos();
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1; ; attempt++) {
            Sent outcome = send(contact, step, attempt);
            sent.add(outcome);
            if (!outcome.uncertain() || System.nanoTime() > deadline || !running.get()) {
                if (attempt > 1 && !outcome.uncertain()) {
                    longestRetryMillis.accumulateAndGet((System.nanoTime() - first) / 1_000_000, Math::max);
                }
                return outcome;
            }
            // a client's back-off between repetitions, not a wait for a condition
            if (!pause(delay)) {
                return outcome;
            }
            delay = delay.multipliedBy(2);
            if (delay.compareTo(LONGEST_RETRY_DELAY) > 0) {
                delay = LONGEST_RETRY_DELAY;
            }
        }
    }

    private Sent send(UUID contact, Step step, int attempt) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(commandSide.apply(step.path()))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .method(step.method(), HttpRequest.BodyPublishers.ofString(step.body()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher position = POSITION.matcher(response.body());
            return sent(contact, step, response.statusCode(), position.find() ? Long.parseLong(position.group(1)) : -1,
                    attempt);
        } catch (IOException unanswered) {
            return sent(contact, step, 0, -1, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sent(contact, step, 0, -1, attempt);
        }
    }

    private static Sent sent(UUID contact, Step step, int status, long position, int attempt) {
        return new Sent(contact, step.name(), step.event(), step.refusalExpected(), step.once(), status, position,
                attempt);
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitAnswering() {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !running.get() || answersHealth());
    }

    private boolean answersHealth() {
        try {
            return http.send(HttpRequest.newBuilder(commandSide.apply("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException down) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

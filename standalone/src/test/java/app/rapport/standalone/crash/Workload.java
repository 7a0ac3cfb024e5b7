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
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * Simulated users driving whole relationships through the command API: each lifecycle adds a
 * contact, requests an interview, tries a thank-you too early (refused), then answers, schedules,
 * prepares, holds, thanks and follows up. Every command and its outcome is recorded; a command
 * whose answer never came (the server died) abandons its lifecycle, and the user starts a new one
 * once the server answers again.
 */
final class Workload {

    /** One command sent and what came of it; status 0 means no answer arrived. */
    record Sent(UUID contactId, String step, String expectedEvent, int status, long position) {
    }

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Instant START = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private final Function<String, URI> commandSide;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);

    Workload(Function<String, URI> commandSide, String user, String password) {
        this.commandSide = commandSide;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
        List<String[]> steps = List.of(
                new String[] {"add", "POST", "/api/contacts", "ContactAdded", """
                        {"contactId":"%s","name":"Crash %s","source":"COLD","at":"%s"}"""
                        .formatted(contact, contact, START)},
                new String[] {"request", "POST", c + "/interviews", "InterviewRequested", """
                        {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"work","at":"%s"}"""
                        .formatted(interview, START.plusSeconds(60))},
                new String[] {"early-thank-you", "POST", i + "/thank-you", null, "{\"channel\":\"EMAIL\"}"},
                new String[] {"accept", "POST", i + "/response", "InterviewAccepted",
                        "{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(START.plusSeconds(3600))},
                new String[] {"schedule", "POST", i + "/schedule", "InterviewScheduled",
                        "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"at\":\"%s\"}"
                                .formatted(START.plus(2, ChronoUnit.DAYS), START.plusSeconds(7200))},
                new String[] {"prepare", "POST", i + "/preparation", "InterviewPrepared",
                        "{\"questions\":[\"Why?\"],\"at\":\"%s\"}".formatted(START.plus(1, ChronoUnit.DAYS))},
                new String[] {"hold", "POST", i + "/hold", "InterviewHeld",
                        "{\"heldAt\":\"%s\",\"actualMinutes\":35}".formatted(START.plus(2, ChronoUnit.DAYS))},
                new String[] {"thank-you", "POST", i + "/thank-you", "ThankYouSent",
                        "{\"channel\":\"EMAIL\",\"at\":\"%s\"}".formatted(START.plus(3, ChronoUnit.DAYS))},
                new String[] {"follow-up", "POST", c + "/follow-ups", "FollowUpLogged",
                        "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"at\":\"%s\"}".formatted(START.plus(9, ChronoUnit.DAYS))});
        for (String[] step : steps) {
            if (!running.get()) {
                return;
            }
            Sent outcome = send(contact, step[0], step[1], step[2], step[3], step[4]);
            sent.add(outcome);
            if (outcome.status() == 0) {
                awaitAnswering();
                return;
            }
            answered.incrementAndGet();
        }
    }

    private Sent send(UUID contact, String step, String method, String path, String expectedEvent, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(commandSide.apply(path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher position = POSITION.matcher(response.body());
            return new Sent(contact, step, expectedEvent, response.statusCode(),
                    position.find() ? Long.parseLong(position.group(1)) : -1);
        } catch (IOException unanswered) {
            return new Sent(contact, step, expectedEvent, 0, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(contact, step, expectedEvent, 0, -1);
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

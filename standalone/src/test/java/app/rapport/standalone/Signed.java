package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One test user signed in to a standalone app a test started: every answer is returned as it came
 * (4xx and 5xx included), except that a read the query side answered 503 (its read model not yet
 * at {@code consistentWith} within its 5 s) is asked again, since two shared cores can be that slow.
 */
record Signed(URI base, String user) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON (" + status + "): " + body, notJson);
            }
        }

        long position() {
            return json().path("position").asLong();
        }
    }

    static Signed as(ConfigurableApplicationContext app, String user) {
        return new Signed(URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort()),
                user);
    }

    Answer send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.passwordOf(user)).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " got no answer", e);
        }
    }

    /** A command that must succeed; answers its {@code position}. */
    long command(String method, String path, String json) {
        Answer answer = send(method, path, json);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return answer.position();
    }

    /** A GET, asked again while it answers 503. */
    Answer get(String path) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Answer answer = send("GET", path, null);
            if (answer.status() != 503 || System.nanoTime() > deadline) {
                return answer;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    /** A GET that must answer 200, as JSON. */
    JsonNode read(String path) {
        Answer answer = get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A GET that must answer 200, as text (CSV, vCards, JSON Lines, calendars). */
    String text(String path) {
        Answer answer = get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer.body();
    }
}

package app.rapport.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** One answer of a standalone app a test started, with what tests look at and how long it took. */
record HttpAnswer(int status, String contentType, String retryAfter, String body, Duration took) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Sends as the shipped {@code demo} user, with a JSON body unless {@code json} is null; no answer fails the test. */
    static HttpAnswer send(URI base, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " got no answer (a hang?)", e);
        }
    }
}

package app.rapport.command.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import app.rapport.testsupport.TestUsers;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.lang.Nullable;

/**
 * A plain HTTP client for one running app, safe to share between threads: raw text in, status,
 * content type, body and elapsed time out, so races and hostile bodies are sent exactly as written.
 */
record Api(HttpClient client, URI base, String authorization) {

    /** Longer than any answer may take: a request that runs into it is a hang, not a slow answer. */
    static final Duration HANG = Duration.ofSeconds(30);

    static Api of(ApplicationContext app, String user) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return at(port, user);
    }

    static Api at(int port, String user) {
        String credentials = user + ":" + TestUsers.passwordOf(user);
        return new Api(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create("http://localhost:" + port),
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer post(String path, @Nullable String json) {
        return send("POST", path, json, null);
    }

    Answer send(String method, String path, @Nullable String json, @Nullable String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(HANG)
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(method + " " + path, request.build());
    }

    /** Sends bytes exactly as given, with exactly the headers given besides the credentials. */
    Answer sendBytes(String method, String path, @Nullable byte[] body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(HANG)
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(method + " " + path, request.build());
    }

    Answer send(String what, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(what, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new AssertionError(what + " got no answer after " + Duration.ofNanos(System.nanoTime() - start), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", e);
        }
    }
}

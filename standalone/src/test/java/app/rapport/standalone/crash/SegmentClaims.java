package app.rapport.standalone.crash;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The segments each streaming processor claims on one app, as its health endpoint shows them. */
final class SegmentClaims {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentClaims() {
    }

    /** Per processor, the segments this app claims now; empty if it does not answer. */
    static Optional<Map<String, Set<Integer>>> of(AppProcess app) {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(app.uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode processors = JSON.readTree(health.body()).path("components").path("segments").path("details");
            if (processors.isMissingNode()) {
                return Optional.empty();
            }
            Map<String, Set<Integer>> claims = new HashMap<>();
            processors.fields().forEachRemaining(processor -> {
                Set<Integer> segments = new HashSet<>();
                processor.getValue().path("claimed").forEach(segment -> segments.add(segment.asInt()));
                claims.put(processor.getKey(), segments);
            });
            return Optional.of(claims);
        } catch (IOException notAnswering) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Every processor of this app claims all its {@code segments}. */
    static boolean ownsAll(AppProcess app, int segments) {
        return of(app).filter(claims -> !claims.isEmpty())
                .map(claims -> claims.values().stream().allMatch(claimed -> claimed.size() == segments))
                .orElse(false);
    }

    /** Both apps run the same processors, and each claims half of every processor's {@code segments}. */
    static boolean sharedEvenly(AppProcess first, AppProcess second, int segments) {
        Optional<Map<String, Set<Integer>>> a = of(first);
        Optional<Map<String, Set<Integer>>> b = of(second);
        return a.isPresent() && b.isPresent() && !a.get().isEmpty() && a.get().keySet().equals(b.get().keySet())
                && a.get().values().stream().allMatch(claimed -> claimed.size() == segments / 2)
                && b.get().values().stream().allMatch(claimed -> claimed.size() == segments / 2);
    }
}

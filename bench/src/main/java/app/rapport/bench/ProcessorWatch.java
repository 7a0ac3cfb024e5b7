package app.rapport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows the app's projections through the admin status endpoint ({@code GET /api/admin/replay}),
 * printing a progress line now and then, until every processor has caught up with the store.
 */
final class ProcessorWatch {

    record Status(long slowest, long head, boolean allCaughtUp, String detail) {
    }

    private final Api api;
    private final Consumer<String> out;

    ProcessorWatch(Api api, Consumer<String> out) {
        this.api = api;
        this.out = out;
    }

    Status status() throws Exception {
        Api.Answer answer = api.get(Users.auth(Users.ADMIN), "/api/admin/replay");
        if (!answer.ok()) {
            throw new IllegalStateException("GET /api/admin/replay answered " + answer.status() + " " + answer.body());
        }
        long slowest = Long.MAX_VALUE;
        long head = 0;
        boolean all = true;
        List<String> parts = new ArrayList<>();
        for (JsonNode processor : StoredEvents.MAPPER.readTree(answer.body())) {
            long position = processor.path("position").asLong();
            slowest = Math.min(slowest, position);
            head = Math.max(head, processor.path("head").asLong());
            all &= processor.path("caughtUp").asBoolean();
            parts.add(processor.path("processor").asText() + "=" + position
                    + (processor.path("replaying").asBoolean() ? "(replaying)" : ""));
        }
        return new Status(slowest == Long.MAX_VALUE ? 0 : slowest, head, all, String.join(" ", parts));
    }

    /** Waits until every processor has handled at least {@code head}; answers the seconds waited. */
    double awaitCaughtUp(String what, long head, long startedNanos, long progressMillis, long timeoutSeconds)
            throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long lastPrint = System.nanoTime();
        long lastDone = -1;
        long lastAt = System.nanoTime();
        while (true) {
            Status status = status();
            long now = System.nanoTime();
            if (status.allCaughtUp() && status.slowest() >= head) {
                double seconds = (now - startedNanos) / 1e9;
                out.accept(String.format("  %s: caught up, %,d events in %.1f s", what, status.slowest(), seconds));
                return seconds;
            }
            if (lastDone < 0) {
                lastDone = status.slowest();
                lastAt = now;
            }
            if (now > deadline) {
                throw new IllegalStateException(what + " did not catch up within " + timeoutSeconds + " s: " + status.detail());
            }
            if ((now - lastPrint) / 1_000_000 >= progressMillis) {
                double rate = (status.slowest() - lastDone) / ((now - lastAt) / 1e9);
                out.accept(String.format("  %s: slowest projection at %,d of %,d events (%,.0f events/s) [%s]", what,
                        status.slowest(), head, rate, status.detail()));
                lastPrint = now;
                lastDone = status.slowest();
                lastAt = now;
            }
            Thread.sleep(Math.min(200, Math.max(20, progressMillis / 10)));
        }
    }
}

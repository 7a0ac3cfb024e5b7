package app.rapport.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a timed step's clients were answered, counted across them: how many answers, how many were
 * not 200 and the first of those, and a progress line now and then (from client 0, so one line per
 * interval whatever the number of clients). Each step keeps its own latencies.
 */
final class Answers {

    private final String step;
    private final Duration progressEvery;
    private final Consumer<String> out;
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long nextPrint;
    private String firstError;

    Answers(String step, Duration progressEvery, Consumer<String> out) {
        this.step = step;
        this.progressEvery = progressEvery;
        this.out = out;
        this.nextPrint = started + progressEvery.toNanos();
    }

    /** When a step of this length that starts now ends, in {@link System#nanoTime()}. */
    long deadline(Duration duration) {
        return started + duration.toNanos();
    }

    /**
     * One answer, received at {@code at} ({@link System#nanoTime()}): counted unless it is a
     * reference the step measures apart; an error whatever it is.
     */
    void add(int client, String path, int status, String body, boolean counts, long at) {
        long n = counts ? counted.incrementAndGet() : counted.get();
        if (status != 200) {
            errors.incrementAndGet();
            synchronized (this) {
                if (firstError == null) {
                    String said = body == null ? "" : body;
                    firstError = path + " -> " + status + " " + said.substring(0, Math.min(200, said.length()));
                }
            }
        }
        if (client == 0 && at > nextPrint) {
            nextPrint = at + progressEvery.toNanos();
            double seconds = (at - started) / 1e9;
            out.accept(String.format("  %s: %,d in %.0f s (%,.0f/s), %d errors", step, n, seconds, n / seconds,
                    errors.get()));
        }
    }

    long counted() {
        return counted.get();
    }

    long errors() {
        return errors.get();
    }

    synchronized String firstError() {
        return firstError;
    }

    /** Answers counted per second since the step started. */
    double perSecond() {
        return counted.get() / ((System.nanoTime() - started) / 1e9);
    }
}

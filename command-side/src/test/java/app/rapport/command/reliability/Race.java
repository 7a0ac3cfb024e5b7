package app.rapport.command.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same request from many threads released at one moment, as racing clients would send it. */
final class Race {

    private Race() {
    }

    /** Runs {@code request(i)} for i in 0..threads-1, all starting together; answers in index order. */
    static List<Answer> of(int threads, IntFunction<Answer> request) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Answer> result = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                result.add(answer.get(Api.HANG.toSeconds() * 2, TimeUnit.SECONDS));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("race interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a racer failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers had each outcome, e.g. {@code {200=1, 409 thank-you-already-sent=15}}. */
    static Map<String, Long> tally(List<Answer> answers) {
        Map<String, Long> tally = new TreeMap<>();
        answers.forEach(answer -> tally.merge(answer.outcome(), 1L, Long::sum));
        return tally;
    }
}

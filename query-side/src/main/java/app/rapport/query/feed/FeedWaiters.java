package app.rapport.query.feed;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The feed's long polls, held without a servlet thread or a database connection: each waits as a
 * {@link DeferredResult}, and one ticker asks the store for its newest position every
 * {@value #TICK_MILLIS} ms while anyone waits (one indexed {@code max()}, whatever the number of
 * waiters). When the store has grown past what a waiter last read, its journal is read again on
 * a small pool, and answered once it has an event or its wait is over. Events written through any
 * replica wake waiters on every replica, since the store is what is watched, not this process's
 * own processors.
 */
@Component
class FeedWaiters {

    static final long TICK_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(FeedWaiters.class);

    /** One long poll; {@code seenHead} is the store's head up to which it has read everything. */
    private static final class Waiter {
        final String ownerId;
        final long after;
        final int limit;
        final DeferredResult<FeedPage> answer;
        final long deadline;
        volatile long seenHead;
        volatile boolean reading;

        Waiter(String ownerId, long after, int limit, DeferredResult<FeedPage> answer, long deadline, long seenHead) {
            this.ownerId = ownerId;
            this.after = after;
            this.limit = limit;
            this.answer = answer;
            this.deadline = deadline;
            this.seenHead = seenHead;
        }
    }

    private final EventFeed feed;
    private final FeedSettings settings;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("feed-ticker"));
    private final ExecutorService readers = Executors.newFixedThreadPool(2, daemon("feed-reader"));

    FeedWaiters(EventFeed feed, FeedSettings settings) {
        this.feed = feed;
        this.settings = settings;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether another long poll may wait here now. */
    boolean hasRoom() {
        return waiting.size() < settings.maxWaiting();
    }

    /**
     * Holds {@code answer} until the owner's journal has an event after {@code after} or
     * {@code wait} is over; {@code seenHead} is the head the caller's own empty read went up to.
     */
    void await(String ownerId, long after, int limit, Duration wait, long seenHead, DeferredResult<FeedPage> answer) {
        Waiter waiter = new Waiter(ownerId, after, limit, answer, System.nanoTime() + wait.toNanos(), seenHead);
        answer.onCompletion(() -> waiting.remove(waiter));
        waiting.add(waiter);
    }

    private void tick() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            long head = feed.head();
            long now = System.nanoTime();
            for (Waiter waiter : waiting) {
                boolean over = now - waiter.deadline >= 0;
                if (!waiter.reading && (over || head > waiter.seenHead)) {
                    waiter.reading = true;
                    readers.execute(() -> read(waiter, head, over));
                }
            }
        } catch (RuntimeException e) {
            log.debug("The feed's ticker could not read the store's head; trying again", e);
        }
    }

    private void read(Waiter waiter, long head, boolean over) {
        try {
            FeedPage page = feed.read(waiter.ownerId, waiter.after, waiter.limit, type -> true);
            if (!page.items().isEmpty() || over) {
                waiter.answer.setResult(page);
                waiting.remove(waiter);
            } else if (page.next() >= head) {
                // read up to the head (no hole held it back): nothing to read until the store grows
                waiter.seenHead = head;
            }
        } catch (RuntimeException e) {
            waiter.answer.setErrorResult(e);
            waiting.remove(waiter);
        } finally {
            waiter.reading = false;
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        readers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

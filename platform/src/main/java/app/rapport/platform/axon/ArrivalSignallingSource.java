package app.rapport.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as pooled streaming processors see it ({@link #forProcessor}), with streams that
 * say when new events have arrived.
 * <p>
 * An idle pooled processor whose stream offers no availability callback looks for new events
 * every 500 ms (a fixed delay in Axon 4.13's {@code Coordinator}), and the embedded event store's
 * streams offer none: a command's events became visible in the read models about 330 ms later on
 * average (docs/benchmarks.md). Here one watcher thread tails the store's own stream, which wakes as soon as
 * the store has fetched new events (at once for events committed in this JVM, within the store's
 * fetch delay for others), and then calls every open stream's callback; the processor schedules
 * its work immediately. Under load, a short window between wake-ups lets events gather into one
 * batch per processor, since each batch costs every processor a transaction. A reader waiting
 * for a position has the processors it waits for woken at once ({@link ProcessorProgress#demand}),
 * the others at the end of the window: read-your-writes waits for the processing, not for the
 * window, and only the processors read from pay for it. The watcher runs only while some stream
 * is open.
 */
final class ArrivalSignallingSource {

    private static final Logger log = LoggerFactory.getLogger(ArrivalSignallingSource.class);
    /** Bounds how long a burst is drained before the processors are told about it. */
    private static final int MOST_EVENTS_PER_SIGNAL = 1_000;
    /** How often idle processors are woken anyway: Axon's own polling interval. */
    private static final Duration IDLE_WAKE = Duration.ofMillis(500);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration window;
    private final ProcessorProgress progress;
    private final Duration idleWake;
    private final Map<SignallingStream, Runnable> callbacks = new ConcurrentHashMap<>();
    private Thread watcher;

    /**
     * @param window how long to wait after waking the processors before waking them again, so
     *        that events arriving meanwhile are handled in one batch (one transaction) per processor
     * @param progress where readers demand the processors they wait for
     */
    ArrivalSignallingSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration window,
                            ProcessorProgress progress) {
        this(store, window, progress, IDLE_WAKE);
    }

    /** @param idleWake how often idle processors are woken anyway; tests make it long */
    ArrivalSignallingSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration window,
                            ProcessorProgress progress, Duration idleWake) {
        this.store = store;
        this.window = window;
        this.progress = progress;
        this.idleWake = idleWake;
    }

    /**
     * The store as one processor reads it: its streams are woken at every arrival and, when a
     * reader demands that processor, during the window too.
     *
     * @param processor the processor's name, or null for one no reader names
     */
    StreamableMessageSource<TrackedEventMessage<?>> forProcessor(String processor) {
        return new ProcessorSource(processor);
    }

    private synchronized void listen(SignallingStream stream, Runnable callback) {
        callbacks.put(stream, callback);
        if (watcher == null) {
            // opened here rather than on the watcher's thread, so no event appended from now on is missed
            BlockingStream<TrackedEventMessage<?>> arrivals = openAtHead();
            watcher = new Thread(() -> watch(arrivals), "rapport-event-arrivals");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private synchronized void stopListening(SignallingStream stream) {
        callbacks.remove(stream);
        if (callbacks.isEmpty() && watcher != null) {
            watcher.interrupt();
            watcher = null;
        }
    }

    private synchronized boolean isWatcher(Thread thread) {
        return watcher == thread;
    }

    /** The thread that watches now, if any. */
    synchronized Thread watcher() {
        return watcher;
    }

    private BlockingStream<TrackedEventMessage<?>> openAtHead() {
        try {
            return store.openStream(store.createHeadToken());
        } catch (RuntimeException e) {
            log.debug("Opening the watcher's stream failed; the watcher will retry", e);
            return null;
        }
    }

    private void watch(BlockingStream<TrackedEventMessage<?>> opened) {
        BlockingStream<TrackedEventMessage<?>> arrivals = opened;
        int idleWakeMillis = (int) Math.min(idleWake.toMillis(), Integer.MAX_VALUE);
        try {
            while (isWatcher(Thread.currentThread())) {
                try {
                    if (arrivals == null && (arrivals = openAtHead()) == null) {
                        Thread.sleep(RETRY_AFTER_FAILURE.toMillis());
                        continue;
                    }
                    boolean arrived = arrivals.hasNextAvailable(idleWakeMillis, TimeUnit.MILLISECONDS);
                    if (arrived) {
                        drain(arrivals);
                    }
                    // idle wakes too, as Axon's own polling did: that is when a processor notices
                    // it has caught up, and it covers a wake-up lost while a processor was busy
                    wake(stream -> true);
                    if (arrived && !window.isZero()) {
                        // events drained during a window were handed to the demanded processors
                        // only: the others are woken at its end, and another window follows
                        while (holdWindow(arrivals)) {
                            wake(stream -> true);
                        }
                    }
                } catch (RuntimeException e) {
                    log.debug("Watching for new events failed; retrying in {}", RETRY_AFTER_FAILURE, e);
                    closeQuietly(arrivals);
                    arrivals = null;
                    Thread.sleep(RETRY_AFTER_FAILURE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // the last stream closed
        } finally {
            closeQuietly(arrivals);
        }
    }

    /**
     * Waits out one window, waking the processors readers demand for the events that arrived
     * meanwhile.
     *
     * @return whether events arrived and were drained during the window
     */
    private boolean holdWindow(BlockingStream<TrackedEventMessage<?>> arrivals) throws InterruptedException {
        long end = System.nanoTime() + window.toNanos();
        progress.forgetDemands();
        boolean drained = false;
        Set<String> demanded;
        while (System.nanoTime() < end && !(demanded = progress.awaitDemand(end)).isEmpty()) {
            if (arrivals.hasNextAvailable()) {
                drain(arrivals);
                drained = true;
            }
            if (drained) {
                Set<String> processors = demanded;
                wake(stream -> processors.contains(stream.processor));
            }
        }
        return drained;
    }

    private static void drain(BlockingStream<TrackedEventMessage<?>> arrivals) throws InterruptedException {
        int drained = 0;
        do {
            arrivals.nextAvailable();
        } while (++drained < MOST_EVENTS_PER_SIGNAL && arrivals.hasNextAvailable());
    }

    private void wake(Predicate<SignallingStream> streams) {
        callbacks.forEach((stream, callback) -> {
            if (streams.test(stream)) {
                callback.run();
            }
        });
    }

    private static void closeQuietly(BlockingStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                log.debug("Closing the watcher's stream failed", e);
            }
        }
    }

    private final class ProcessorSource implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final String processor;

        ProcessorSource(String processor) {
            this.processor = processor;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new SignallingStream(processor, store.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return store.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return store.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return store.createTokenAt(dateTime);
        }

        @Override
        public TrackingToken createTokenSince(Duration duration) {
            return store.createTokenSince(duration);
        }
    }

    /** The store's stream, unchanged but for the callback, which the watcher calls. */
    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {

        /** The processor reading it, if known. */
        private final String processor;
        private final BlockingStream<TrackedEventMessage<?>> delegate;

        SignallingStream(String processor, BlockingStream<TrackedEventMessage<?>> delegate) {
            this.processor = processor;
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            listen(this, callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            stopListening(this);
            delegate.close();
        }
    }
}

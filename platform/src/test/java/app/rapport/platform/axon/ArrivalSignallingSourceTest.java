package app.rapport.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams of the signalling source call back when events reach the store. The idle wake-up is set
 * to an hour here, so a callback can only come from an arrival.
 */
class ArrivalSignallingSourceTest {

    private static final Duration NEVER_IDLE = Duration.ofHours(1);

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    final ArrivalSignallingSource source = new ArrivalSignallingSource(store, Duration.ZERO, new ProcessorProgress(),
            NEVER_IDLE);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aStreamIsCalledBackWhenAnEventIsAppended() {
        AtomicInteger calls = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.forProcessor(null).openStream(null)) {
            assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).isTrue();

            store.publish(GenericEventMessage.asEventMessage("contact added"));

            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > 0);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains("contact added");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() {
        AtomicInteger closedCalls = new AtomicInteger();
        AtomicInteger openCalls = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> open = source.forProcessor(null).openStream(null)) {
            open.setOnAvailableCallback(openCalls::incrementAndGet);
            BlockingStream<TrackedEventMessage<?>> closed = source.forProcessor(null).openStream(null);
            closed.setOnAvailableCallback(closedCalls::incrementAndGet);
            closed.close();

            store.publish(GenericEventMessage.asEventMessage("interview requested"));

            await().atMost(Duration.ofSeconds(5)).until(() -> openCalls.get() > 0);
            assertThat(closedCalls).hasValue(0);
        }
    }

    @Test
    void theWatcherEndsWhenTheLastStreamClosesAndAStreamOpenedLaterIsCalledBackAgain() {
        BlockingStream<TrackedEventMessage<?>> first = source.forProcessor(null).openStream(null);
        first.setOnAvailableCallback(() -> { });
        Thread watcher = source.watcher();
        assertThat(watcher).isNotNull();

        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !watcher.isAlive());

        AtomicInteger calls = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> next = source.forProcessor(null).openStream(null)) {
            next.setOnAvailableCallback(calls::incrementAndGet);
            store.publish(GenericEventMessage.asEventMessage("thank-you sent"));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > 0);
        }
    }

    @Test
    void duringTheWindow_aReadersDemandWakesTheProcessorsItNamed_andTheOthersWaitForTheWindowsEnd() {
        ProcessorProgress progress = new ProcessorProgress();
        ArrivalSignallingSource windowed = new ArrivalSignallingSource(store, Duration.ofSeconds(3), progress,
                NEVER_IDLE);
        AtomicInteger timelineCalls = new AtomicInteger();
        AtomicInteger contactsCalls = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> timeline = windowed.forProcessor("timeline").openStream(null);
             BlockingStream<TrackedEventMessage<?>> contacts = windowed.forProcessor("contacts").openStream(null)) {
            timeline.setOnAvailableCallback(timelineCalls::incrementAndGet);
            contacts.setOnAvailableCallback(contactsCalls::incrementAndGet);
            store.publish(GenericEventMessage.asEventMessage("contact added"));
            await().atMost(Duration.ofSeconds(5)).until(() -> timelineCalls.get() == 1 && contactsCalls.get() == 1);

            store.publish(GenericEventMessage.asEventMessage("interview requested"));
            // the demand counts once the event has reached the watcher's stream
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
                progress.demand(List.of("timeline"));
                return timelineCalls.get() > 1;
            });

            assertThat(contactsCalls).as("woken before the window ended").hasValue(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactsCalls.get() > 1);
        }
    }
}

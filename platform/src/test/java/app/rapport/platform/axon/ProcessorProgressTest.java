package app.rapport.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

class ProcessorProgressTest {

    private final ProcessorProgress progress = new ProcessorProgress();

    @Test
    void aBatch_ticksOnce_atItsCleanUp_notAsEachEventIsHandled() throws Exception {
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage("first"),
                GenericEventMessage.asEventMessage("second"), GenericEventMessage.asEventMessage("third"));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        long[] ticksWhileHandling = new long[batch.size()];
        int[] handled = {0};

        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(progress.interceptor()),
                message -> ticksWhileHandling[handled[0]++] = progress.ticks()).proceed());

        assertThat(ticksWhileHandling).containsOnly(0L);
        assertThat(progress.ticks()).isEqualTo(1);
    }

    @Test
    void aWait_endsAtTheNextTick() throws Exception {
        long seen = progress.ticks();
        Thread waiter = new Thread(() -> {
            try {
                progress.awaitTickAfter(seen, TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        progress.tick();

        waiter.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(waiter.isAlive()).as("still waiting after the tick").isFalse();
    }

    @Test
    void aWait_forATickThatCameBeforeIt_returnsAtOnce() throws Exception {
        long seen = progress.ticks();
        progress.tick();

        long started = System.nanoTime();
        progress.awaitTickAfter(seen, TimeUnit.MINUTES.toMillis(1));

        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aWait_withoutATick_endsAfterItsLongest() throws Exception {
        long started = System.nanoTime();
        progress.awaitTickAfter(progress.ticks(), 30);

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    }

    @Test
    void aReaderWhoStartsWaiting_endsTheWatchersWait_withTheProcessorsItNamed() throws Exception {
        CompletableFuture<Set<String>> demanded = CompletableFuture.supplyAsync(() -> {
            try {
                return progress.awaitDemand(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        progress.demand(List.of("timeline", "contacts"));

        assertThat(demanded.get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrder("timeline", "contacts");
    }

    @Test
    void withoutADemand_theWatchersWaitEndsAtItsDeadline_withNone() throws Exception {
        long started = System.nanoTime();

        Set<String> demanded = progress.awaitDemand(started + TimeUnit.MILLISECONDS.toNanos(30));

        assertThat(demanded).isEmpty();
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    }

    @Test
    void aDemandMadeBeforeTheWindowOpened_isForgotten() throws Exception {
        progress.demand(List.of("timeline"));

        progress.forgetDemands();

        assertThat(progress.awaitDemand(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30))).isEmpty();
    }
}

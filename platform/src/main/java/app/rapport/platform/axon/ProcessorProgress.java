package app.rapport.platform.axon;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Between the processors of this app and the readers waiting for them. Each batch a processor
 * handles ends with a tick, once its transaction has committed and the processor's status says
 * so: a wait for a position checks again at each tick instead of at fixed intervals. And a reader
 * that starts waiting says for which processors: the events that arrived since they were last
 * woken are then handled by those at once, not at the end of the arrival window.
 */
public final class ProcessorProgress {

    private static final String TICKS_AT_CLEANUP = ProcessorProgress.class.getName();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ticked = lock.newCondition();
    private final Condition demandMade = lock.newCondition();
    private final Set<String> demanded = new HashSet<>();
    private long ticks;

    /** How many batches have been handled so far; pass it to {@link #awaitTickAfter}. */
    public long ticks() {
        lock.lock();
        try {
            return ticks;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once a batch has been handled since {@code seen} was read from {@link #ticks()}, or
     * after {@code mostMillis}, whichever comes first.
     */
    public void awaitTickAfter(long seen, long mostMillis) throws InterruptedException {
        long remaining = TimeUnit.MILLISECONDS.toNanos(mostMillis);
        lock.lock();
        try {
            while (ticks == seen && remaining > 0) {
                remaining = ticked.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A reader waits for events the named processors of this app have not handled yet. */
    public void demand(Collection<String> processors) {
        lock.lock();
        try {
            demanded.addAll(processors);
            demandMade.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called as an arrival window opens: demands made before it were for events already woken for. */
    void forgetDemands() {
        lock.lock();
        try {
            demanded.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a reader {@linkplain #demand demands} events or until {@code deadlineNanos}
     * (of {@link System#nanoTime()}) has passed.
     *
     * @return the processors demanded since the last call, none when the deadline passed first
     */
    Set<String> awaitDemand(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = deadlineNanos - System.nanoTime();
            while (demanded.isEmpty() && remaining > 0) {
                remaining = demandMade.awaitNanos(remaining);
            }
            Set<String> processors = Set.copyOf(demanded);
            demanded.clear();
            return processors;
        } finally {
            lock.unlock();
        }
    }

    void tick() {
        lock.lock();
        try {
            ticks++;
            ticked.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ticks once per unit of work (a batch), at its clean-up: the pooled processor moves a
     * segment's status on after the commit, and clean-up comes after every after-commit step.
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            if (unitOfWork.resources().putIfAbsent(TICKS_AT_CLEANUP, Boolean.TRUE) == null) {
                unitOfWork.onCleanup(done -> tick());
            }
            return chain.proceed();
        };
    }
}

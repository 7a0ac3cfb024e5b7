package app.rapport.query.support;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What one projection does with one batch of events: the rows the batch touches are loaded with
 * one query per table when the first of its events arrives, changed in memory by each handler,
 * and written with one batched statement per table just before the batch's transaction commits.
 * <p>
 * A projection that loads, changes and saves its rows per event pays several round trips for
 * every event; this pays them per batch of up to a hundred (measured: replay and lag
 * are bound by that per-event work, not by reading the store). If the transaction rolls back, the
 * batch is dropped with its unit of work and the processor retries the events from the stored
 * rows, so nothing half-applied survives.
 */
public abstract class ProjectionBatch {

    /** The unit-of-work resource a projection type keeps its batch under. */
    private static final ClassValue<String> KEYS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> projection) {
            return ProjectionBatch.class.getName() + "/" + projection.getName();
        }
    };

    /**
     * The batch of {@code projection} in the unit of work now handling an event, started with the
     * events of the whole unit of work on first use.
     */
    protected static <B extends ProjectionBatch> B current(Object projection,
                                                           Function<List<? extends EventMessage<?>>, B> start) {
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(KEYS.get(projection.getClass()), ignored -> {
            B batch = Objects.requireNonNull(start.apply(eventsOf(unit)));
            unit.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    /** Writes every row the batch changed. */
    protected abstract void write();

    @SuppressWarnings("unchecked")
    private static List<? extends EventMessage<?>> eventsOf(UnitOfWork<?> unit) {
        if (unit instanceof BatchingUnitOfWork<?> batching) {
            return (List<? extends EventMessage<?>>) batching.getMessages();
        }
        return List.of((EventMessage<?>) unit.getMessage());
    }
}

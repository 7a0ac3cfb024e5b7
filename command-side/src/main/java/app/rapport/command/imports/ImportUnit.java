package app.rapport.command.imports;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Stores an import all or nothing. The import's commands are sent inside one unit of work of its
 * own, holding one database transaction: each command is decided by its aggregate in a nested unit
 * of work, which hands its events to this one instead of storing them, so the aggregates see each
 * other's decisions (a contact's second command finds the first one's events) and nothing reaches
 * the store until every row has been decided. Then the unit commits, appending every event in one
 * batch, or rolls back having appended none: a rejected file and a dry run leave no trace, not
 * even the gaps in the global index that rolled-back inserts would leave (which slow every
 * streaming processor while they last).
 *
 * <p>The aggregate cache is kept true: a nested unit of work puts the contact it decided in
 * {@code contactCache} when it completes, before this unit's outcome is known; Axon drops those
 * entries when this unit rolls back, and the ids the import touched are dropped once more here,
 * so a contact that was never stored is never answered from the cache.
 */
@Component
class ImportUnit {

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final StoredJournal journal;
    private final Cache contacts;

    ImportUnit(CommandGateway gateway, TransactionManager transactions, StoredJournal journal,
               @Qualifier("contactCache") Cache contacts) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.journal = journal;
        this.contacts = contacts;
    }

    /**
     * What an import stored: the position of its last event, 0 when it stored nothing.
     *
     * @param stored whether the import's events were stored
     */
    record Stored(boolean stored, long position) {
    }

    /**
     * Runs {@code work} with the owner's imports locked and the store read as of this transaction,
     * then stores what it sent unless {@code tryOnly} or a command was refused.
     *
     * @throws ImportRejected listing every refusal; nothing was stored
     */
    Stored run(String owner, UUID importId, boolean tryOnly, Consumer<ImportBatch> work) {
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("An import runs in a unit of work of its own, not inside another");
        }
        ImportBatch batch = new ImportBatch(gateway, importId);
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>("import " + importId + " by " + owner));
        boolean stored = false;
        try {
            unit.attachTransaction(transactions);
            journal.lockImportsOf(owner);
            work.accept(batch);
            if (tryOnly || !batch.refusals().isEmpty()) {
                unit.rollback();
            } else {
                unit.commit();
                stored = true;
            }
        } catch (RuntimeException | Error failed) {
            if (unit.isActive()) {
                unit.rollback(failed);
            }
            throw failed;
        } finally {
            if (!stored) {
                batch.touched().forEach(contacts::remove);
            }
        }
        if (!batch.refusals().isEmpty()) {
            throw new ImportRejected(sorted(batch.refusals()));
        }
        return new Stored(stored, stored ? journal.lastPositionOf(batch.touched()) : 0);
    }

    /** Problems in the order of the file's rows, a row's own in the order found. */
    static List<RowError> sorted(List<RowError> errors) {
        return errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
    }
}

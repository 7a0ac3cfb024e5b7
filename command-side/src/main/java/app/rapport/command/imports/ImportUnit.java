package app.rapport.command.imports;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Stores an import all or nothing: its commands are sent inside one database transaction, which
 * commits once every row has been decided and none was refused, and otherwise rolls back, with
 * every event of the import in it. The commands go to their aggregates as any client's do; their
 * events are appended in chunks of {@link ImportBatch#CHUNK}, each one batch insert, so 10 000 rows
 * cost a hundred inserts instead of ten thousand.
 *
 * <p>How the outcome is kept true everywhere:
 * <ul>
 * <li>the owner's imports are serialised by a transaction-scoped advisory lock, so the journal an
 *     import matches against does not change under it;</li>
 * <li>the aggregate cache ({@code contactCache}) holds a contact once its command's unit of work
 *     completes, before the transaction's outcome is known; when the transaction rolls back, every
 *     id the import touched is dropped from the cache, so a contact never stored is never answered
 *     from it;</li>
 * <li>a dry run of people is decided without sending anything (the rows were checked by the rules
 *     {@code AddContact} checks), so it leaves no trace; a dry run of a journal must let the
 *     aggregates decide, and rolls back what they appended. Rolled-back inserts leave gaps in the
 *     global index, which streaming processors track until their gap timeout: the cost of a journal's
 *     dry run, and of an import refused by an aggregate after its rows passed the checks.</li>
 * </ul>
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

    /** How a dry run is tried. */
    enum DryRun {
        /** Decided by the import's own checks: nothing is sent. */
        DECIDED_BY_CHECKS,
        /** Decided by the aggregates: sent, and rolled back. */
        DECIDED_BY_AGGREGATES
    }

    /**
     * What an import stored: the position of its last event, 0 when it stored nothing.
     *
     * @param stored whether the import's events were stored
     */
    record Stored(boolean stored, long position) {
    }

    /**
     * Runs {@code work} with the owner's imports locked and the store read in this transaction,
     * then stores what it sent unless it is a dry run ({@code dryRun} not null) or a command was refused.
     *
     * @throws ImportRejected listing every refusal; nothing was stored
     */
    Stored run(String owner, UUID importId, DryRun dryRun, Consumer<ImportBatch> work) {
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("An import runs in a transaction of its own, not inside a unit of work");
        }
        ImportBatch batch = new ImportBatch(gateway, transactions, importId, dryRun == DryRun.DECIDED_BY_CHECKS);
        Transaction transaction = transactions.startTransaction();
        boolean stored = false;
        try {
            journal.lockImportsOf(owner);
            work.accept(batch);
            if (dryRun != null || !batch.refusals().isEmpty()) {
                // what is still collected is never appended: a small import refused or tried leaves no gaps
                batch.abandonChunk(null);
                transaction.rollback();
            } else {
                batch.appendChunk();
                transaction.commit();
                stored = true;
            }
        } catch (RuntimeException | Error failed) {
            batch.abandonChunk(failed);
            transaction.rollback();
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

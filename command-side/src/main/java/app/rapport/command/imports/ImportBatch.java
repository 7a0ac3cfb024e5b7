package app.rapport.command.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rapport.command.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The commands of one import as they are sent, each to its aggregate as any client's command is:
 * a refusal is the row's problem (not found is a refusal too: {@code NotFound} is a
 * {@link RuleViolation}), and the import goes on deciding the other rows so that every bad row is
 * listed. Commands are sent in chunks, each chunk in a unit of work of its own whose nested command
 * units hand it their events, so a chunk's events are appended in one batch (see {@link ImportUnit}).
 */
final class ImportBatch {

    /** Every event of an import carries the import's id in its metadata, so the audit finds them together. */
    static final String IMPORT_ID = "importId";
    /**
     * Commands whose events one unit of work collects before it appends them. Axon looks through a
     * unit's collected events whenever a command loads an aggregate not in the cache, comparing each
     * with each (measured: 10 000 in one unit took minutes), so the chunk stays small.
     */
    static final int CHUNK = 100;

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final UUID importId;
    private final boolean decideOnly;
    private final List<RowError> refusals = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private UnitOfWork<?> chunk;
    private int inChunk;
    private int sent;

    /** @param decideOnly true to send nothing: every command counts as accepted (a dry run of checked rows) */
    ImportBatch(CommandGateway gateway, TransactionManager transactions, UUID importId, boolean decideOnly) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.importId = importId;
        this.decideOnly = decideOnly;
    }

    /**
     * Sends a command; true when its aggregate accepted it.
     *
     * @param aggregateId the aggregate the command goes to, for the answer's position and the cache
     */
    boolean send(int row, String field, String aggregateId, Object command) {
        sent++;
        if (decideOnly) {
            return true;
        }
        touched.add(aggregateId);
        if (chunk == null) {
            chunk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("import " + importId + ", from row " + row));
            chunk.attachTransaction(transactions);
        }
        boolean accepted = false;
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(IMPORT_ID, importId.toString())));
            accepted = true;
        } catch (RuleViolation refused) {
            refusals.add(new RowError(row, field, refused.getMessage()));
        } catch (AggregateNotFoundException missing) {
            refusals.add(new RowError(row, field, "names " + missing.getAggregateIdentifier()
                    + ", which neither the file nor the journal has"));
        }
        // a full chunk is appended even after a refusal, so that the aggregates keep deciding later rows on
        // what went before; the transaction's rollback takes it back, leaving gaps in the global index
        if (++inChunk == CHUNK) {
            appendChunk();
        }
        return accepted;
    }

    /** Appends the events of the chunk being collected, in the import's transaction. */
    void appendChunk() {
        if (chunk != null) {
            UnitOfWork<?> full = chunk;
            chunk = null;
            inChunk = 0;
            full.commit();
        }
    }

    /** Drops the chunk being collected, appending nothing of it. */
    void abandonChunk(Throwable cause) {
        if (chunk != null && chunk.isActive()) {
            if (cause == null) {
                chunk.rollback();
            } else {
                chunk.rollback(cause);
            }
        }
        chunk = null;
        inChunk = 0;
    }

    /** Another aggregate the import changes without a command to it of its own (a referred contact). */
    void touches(String aggregateId) {
        if (!decideOnly) {
            touched.add(aggregateId);
        }
    }

    void refuse(RowError problem) {
        refusals.add(problem);
    }

    List<RowError> refusals() {
        return refusals;
    }

    Set<String> touched() {
        return touched;
    }

    int sent() {
        return sent;
    }
}

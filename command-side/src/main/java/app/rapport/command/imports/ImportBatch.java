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
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The commands of one import as they are sent, each to its aggregate as any client's command is,
 * inside the import's unit of work (see {@link ImportUnit}): a refusal is the row's problem, and the
 * import goes on deciding the other rows so that every bad row is listed. (Not found is a refusal too:
 * {@code NotFound} is a {@link RuleViolation}.)
 */
final class ImportBatch {

    /** Every event of an import carries the import's id in its metadata, so the audit finds them together. */
    static final String IMPORT_ID = "importId";

    private final CommandGateway gateway;
    private final UUID importId;
    private final List<RowError> refusals = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private int sent;

    ImportBatch(CommandGateway gateway, UUID importId) {
        this.gateway = gateway;
        this.importId = importId;
    }

    /**
     * Sends a command; true when its aggregate accepted it.
     *
     * @param aggregateId the aggregate the command goes to, for the answer's position and the cache
     */
    boolean send(int row, String field, String aggregateId, Object command) {
        touched.add(aggregateId);
        sent++;
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(IMPORT_ID, importId.toString())));
            return true;
        } catch (RuleViolation refused) {
            refusals.add(new RowError(row, field, refused.getMessage()));
        } catch (AggregateNotFoundException missing) {
            refusals.add(new RowError(row, field, "names " + missing.getAggregateIdentifier()
                    + ", which neither the file nor the journal has"));
        }
        return false;
    }

    /** Another aggregate the import changes without a command to it of its own (a referred contact). */
    void touches(String aggregateId) {
        touched.add(aggregateId);
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

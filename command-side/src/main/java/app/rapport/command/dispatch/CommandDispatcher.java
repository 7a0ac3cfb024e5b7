package app.rapport.command.dispatch;

import app.rapport.command.RuleViolation;
import app.rapport.platform.axon.EventStoreTables;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers where it left its aggregate's stream: the version its handler reached
 * in the command's own unit of work (see {@link DecidedVersions}) and the global index of the event
 * at that version, which is this command's last event or, when it changed nothing, the last one it
 * decided on. Never a later writer's: a client that sends the version back in {@code If-Match} must
 * be refused, not allowed to overwrite a change it has not seen. A client version from
 * {@code If-Match} travels as metadata to {@link ExpectedVersionTargetResolver}. A command that lost a race for the aggregate's next
 * sequence number is sent again, so writers on several instances get the answers one instance would
 * give them; a refusal is decided once more, since it may have been decided on a cached contact that
 * another instance has changed since.
 */
@Component
public class CommandDispatcher {

    /** How often a command that lost a race for its aggregate's next sequence number is sent in all. */
    static final int ATTEMPTS_ON_A_LOST_RACE = 3;
    private static final long FIRST_SEQUENCE_NUMBER = 0;

    private final CommandGateway gateway;
    private final EventStoreTables tables;

    CommandDispatcher(CommandGateway gateway, EventStoreTables tables) {
        this.gateway = gateway;
        this.tables = tables;
    }

    /** @param expectedVersion the client's {@code If-Match} version, or null for an unconditional command */
    public StreamState send(Object command, @Nullable Long expectedVersion) {
        Decided decided = dispatch(command, expectedVersion);
        return decided.lastSequenceNumber() == null ? StreamState.EMPTY
                : stateAt(decided.aggregateId(), decided.lastSequenceNumber());
    }

    /**
     * Sends a command whose handler creates the aggregate {@code createdId} beside its own, and
     * answers where the created stream began. Its first event was stored by this command or, for a
     * repeat accepted without a change, by the identical command before it; either way the answer is
     * the one the first sending got.
     *
     * @param expectedVersion the client's {@code If-Match} version of the command's own aggregate, or null
     */
    public StreamState sendCreating(Object command, String createdId, @Nullable Long expectedVersion) {
        dispatch(command, expectedVersion);
        return stateAt(createdId, FIRST_SEQUENCE_NUMBER);
    }

    private Decided dispatch(Object command, @Nullable Long expectedVersion) {
        MetaData metaData = expectedVersion == null ? MetaData.emptyInstance()
                : MetaData.with(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion - 1);
        int racesLost = 0;
        boolean refusedBefore = false;
        while (true) {
            try {
                Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metaData));
                if (result instanceof Decided decided) {
                    return decided;
                }
                throw new IllegalStateException(command.getClass().getSimpleName()
                        + " was not handled by an aggregate's command handler, so its version is unknown");
            } catch (RuleViolation refusal) {
                // Perhaps decided on this instance's cached contact while another instance had moved
                // it on: a refusal appends nothing, so the store's key cannot object. The rollback
                // dropped the cache entry; decided again on the stored history, the answer stands.
                if (refusedBefore) {
                    throw refusal;
                }
                refusedBefore = true;
            } catch (AggregateStreamCreationException | ConcurrencyException lostARace) {
                // Another writer appended to this aggregate first: a retry of the same create, or
                // another instance, where Axon's in-process lock cannot queue this command behind it
                // and the store's unique key refused it instead. Nothing of this attempt was stored;
                // sent again, the command decides on the history that now holds the winner's events
                // (answered as a repeat, refused, stale for its If-Match, or applied on top).
                if (++racesLost == ATTEMPTS_ON_A_LOST_RACE) {
                    throw lostARace;
                }
            }
        }
    }

    /**
     * The stream as it stood with the event at {@code sequenceNumber}. That event is fixed once
     * stored: the store's unique key gives each sequence number of an aggregate to one event, and
     * events are never deleted, so later writers cannot change what this reads.
     */
    private StreamState stateAt(String aggregateId, long sequenceNumber) {
        return new StreamState(sequenceNumber + 1, tables.positionOf(aggregateId, sequenceNumber));
    }
}

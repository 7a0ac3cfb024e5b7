package app.rapport.command.dispatch;

import app.rapport.command.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers where its aggregate's stream stands afterwards. A client version
 * from {@code If-Match} travels as metadata to {@link ExpectedVersionTargetResolver}. A command
 * that lost a race for the aggregate's next sequence number is sent again, so writers on several
 * instances get the answers one instance would give them; a refusal is decided once more, since it
 * may have been decided on a cached contact that another instance has changed since.
 */
@Component
public class CommandDispatcher {

    /** How often a command that lost a race for its aggregate's next sequence number is sent in all. */
    static final int ATTEMPTS_ON_A_LOST_RACE = 3;

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    CommandDispatcher(CommandGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    /**
     * @param aggregateId the aggregate whose stream state to answer with
     * @param expectedVersion the client's {@code If-Match} version, or null for an unconditional command
     */
    public StreamState send(Object command, String aggregateId, @Nullable Long expectedVersion) {
        MetaData metaData = expectedVersion == null ? MetaData.emptyInstance()
                : MetaData.with(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion - 1);
        int racesLost = 0;
        boolean refusedBefore = false;
        while (true) {
            try {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                return stateOf(aggregateId);
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

    private StreamState stateOf(String aggregateId) {
        return jdbc.queryForObject("""
                SELECT coalesce(max(sequence_number) + 1, 0) AS version, coalesce(max(global_index), 0) AS position
                FROM domain_event_entry WHERE aggregate_identifier = ?""",
                (row, n) -> new StreamState(row.getLong("version"), row.getLong("position")), aggregateId);
    }
}

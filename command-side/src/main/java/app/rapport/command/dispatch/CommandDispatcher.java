package app.rapport.command.dispatch;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers where its aggregate's stream stands afterwards. A client version
 * from {@code If-Match} travels as metadata to {@link ExpectedVersionTargetResolver}.
 */
@Component
public class CommandDispatcher {

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
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateStreamCreationException raceWithTheSameCreate) {
            // Another request created this id a moment ago (a client retry racing its original):
            // sent again, the command meets that aggregate and is answered as a repeat or refused.
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        }
        return stateOf(aggregateId);
    }

    public StreamState stateOf(String aggregateId) {
        return jdbc.queryForObject("""
                SELECT coalesce(max(sequence_number) + 1, 0) AS version, coalesce(max(global_index), 0) AS position
                FROM domain_event_entry WHERE aggregate_identifier = ?""",
                (row, n) -> new StreamState(row.getLong("version"), row.getLong("position")), aggregateId);
    }
}

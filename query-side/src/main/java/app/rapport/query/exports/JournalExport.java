package app.rapport.query.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's journal as recorded, one JSON object per line, oldest first, written while it is
 * read. The events are the ones the audit trail files under the owner (the owner's contacts'
 * events and the networker's own stream), with the payload as the audit trail files it: the event
 * as the serializer reads it, not amended, so that an import appends exactly these facts. Not the
 * stored bytes, which keep personal data encrypted with keys an export must not carry: an
 * erased subject's personal data reads as erased, everyone else's as written. The metadata is
 * copied as stored. The audit's (owner, position) index gives them in order without a
 * sort, and a cursor in a read-only transaction fetches {@value #FETCH_SIZE} rows at a time, so a
 * journal of any length passes through a few kilobytes of memory; the one cost is a connection
 * held for as long as the client takes to read.
 */
@Component
class JournalExport {

    static final int FETCH_SIZE = 500;
    /** Names the export's statement in {@code pg_stat_activity}, for an operator (and a test) to see it. */
    static final String MARKER = "/* rapport:export-events */";

    /** One object per line: no separator of Jackson's own between root values, the line end written after each. */
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .rootValueSeparator((String) null).disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final String sql;

    JournalExport(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSchema events) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.sql = MARKER + """
                SELECT e.%s AS position, e.%s AS event_id, e.%s AS type, e.%s AS aggregate_id, e.%s AS sequence,
                       e.%s AS recorded_at, a.payload, e.%s AS metadata
                FROM audit_entry a JOIN %s e ON e.%s = a.position
                WHERE a.owner_id = ? ORDER BY a.position""".formatted(events.globalIndexColumn(),
                events.eventIdentifierColumn(), events.payloadTypeColumn(), events.aggregateIdentifierColumn(),
                events.sequenceNumberColumn(), events.timestampColumn(), events.metaDataColumn(),
                events.domainEventTable(), events.globalIndexColumn());
    }

    /** Writes every event of the owner's journal to {@code out}; the caller closes it. */
    void write(String ownerId, OutputStream out) throws IOException {
        try (JsonGenerator line = JSON.createGenerator(out)) {
            readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY);
                // pgjdbc reads through a cursor only with a fetch size, outside autocommit (the transaction)
                statement.setFetchSize(FETCH_SIZE);
                statement.setString(1, ownerId);
                return statement;
            }, row -> {
                try {
                    writeEvent(line, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            line.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeEvent(JsonGenerator line, ResultSet row) throws IOException, SQLException {
        line.writeStartObject();
        line.writeNumberField("position", row.getLong("position"));
        line.writeStringField("eventId", row.getString("event_id"));
        line.writeStringField("type", row.getString("type"));
        line.writeStringField("aggregateId", row.getString("aggregate_id"));
        line.writeNumberField("sequence", row.getLong("sequence"));
        line.writeStringField("recordedAt", row.getString("recorded_at"));
        line.writeFieldName("payload");
        copyJson(line, row.getString("payload").getBytes(StandardCharsets.UTF_8));
        line.writeFieldName("metadata");
        copyJson(line, row.getBytes("metadata"));
        line.writeEndObject();
        line.writeRaw('\n');
    }

    /** Stored JSON copied token by token, so that it lands on one line whatever its layout; null as {}. */
    private static void copyJson(JsonGenerator line, byte[] stored) throws IOException {
        if (stored == null) {
            line.writeStartObject();
            line.writeEndObject();
            return;
        }
        try (JsonParser parser = JSON.createParser(stored)) {
            parser.nextToken();
            line.copyCurrentStructure(parser);
        }
    }
}

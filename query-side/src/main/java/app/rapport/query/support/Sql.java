package app.rapport.query.support;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

/** The few JDBC conversions the read models' row mappers, upserts and batched reads need. */
public final class Sql {

    /** The read models' JSON columns: times as ISO-8601 text, so that PostgreSQL and people can read them. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Sql() {
    }

    /**
     * Has PostgreSQL plan the statement at every execution, for its parameters and its tables as
     * they are then, never from a plan the server keeps. pgjdbc prepares a statement on the
     * server after five executions, and PostgreSQL then settles on a generic plan made for the
     * tables' sizes at that moment: made while a new journal's tables were small, the projections'
     * reads of a batch's rows scanned whole tables, and the audit's insert the whole store, ever
     * more slowly as they grew until the next ANALYZE (auto_explain in the bench's write step,
     * docs/benchmarks.md 2026-12-03). A statement the driver never prepares on the server is
     * planned each time, which for these statements costs less than a scan of a few pages.
     */
    public static void plannedEachTime(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    /**
     * Binds {@code values} as the statement's one {@code varchar} array ({@code = ANY(?)}), planned
     * each time ({@link #plannedEachTime}).
     */
    public static PreparedStatementSetter varcharArray(Object[] values) {
        return statement -> {
            plannedEachTime(statement);
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", values));
        };
    }

    /**
     * The rows of the contacts a batch is about, in one statement whose two parameters are the
     * owners and the contact ids ({@code owner_id = ANY(?) AND contact_id = ANY(?)}), so that the
     * tables' (owner_id, contact_id) indexes serve it, planned each time ({@link #plannedEachTime}).
     */
    public static <T> List<T> ofContacts(JdbcTemplate jdbc, String sql, Collection<EventSubject> contacts,
                                         RowMapper<T> rows) {
        return contacts.isEmpty() ? List.of() : jdbc.query(sql, ownersAndContacts(contacts), rows);
    }

    /**
     * Deletes the rows of these contacts from a read-model table (which has owner_id and
     * contact_id columns), in one statement planned each time; nothing at all for none.
     */
    public static void deleteOfContacts(JdbcTemplate jdbc, String table, Collection<EventSubject> contacts) {
        if (!contacts.isEmpty()) {
            jdbc.update("DELETE FROM " + table + " WHERE owner_id = ANY(?) AND contact_id = ANY(?)",
                    ownersAndContacts(contacts));
        }
    }

    /** Binds the contacts' owners and ids as the two arrays of {@link #ofContacts}. */
    private static PreparedStatementSetter ownersAndContacts(Collection<EventSubject> contacts) {
        Object[] owners = contacts.stream().map(EventSubject::ownerId).distinct().toArray();
        Object[] ids = contacts.stream().map(EventSubject::contactId).toArray();
        return statement -> {
            plannedEachTime(statement);
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", owners));
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids));
        };
    }

    /**
     * The rows of the owners a batch is about, in one statement whose parameter is the owners
     * ({@code = ANY(?)}), planned each time ({@link #plannedEachTime}).
     */
    public static <T> List<T> ofOwners(JdbcTemplate jdbc, String sql, Collection<String> owners, RowMapper<T> rows) {
        return owners.isEmpty() ? List.of() : jdbc.query(sql, varcharArray(owners.toArray()), rows);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static <E extends Enum<E>> E enumOf(ResultSet row, String column, Class<E> type) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** A JSON column read as {@code type}; null for SQL NULL. */
    public static <T> T json(ResultSet row, String column, TypeReference<T> type) throws SQLException {
        String text = row.getString(column);
        try {
            return text == null ? null : JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            // neither Jackson's message nor its exception: both quote the text, which may be personal data
            throw new IllegalStateException("Unreadable JSON in " + column);
        }
    }

    /**
     * The text of a JSON column read as {@code type}, which may have gained components since it
     * was written (an event's optional fields).
     */
    public static <T> T json(String text, Class<T> type) {
        try {
            return JSON.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(text);
        } catch (JsonProcessingException e) {
            // as above
            throw new IllegalStateException("Unreadable JSON as " + type.getSimpleName());
        }
    }

    /** A value as the text of a JSON column, to be bound to {@code ?::jsonb}. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}

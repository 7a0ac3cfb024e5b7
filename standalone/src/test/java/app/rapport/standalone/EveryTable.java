package app.rapport.standalone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import app.rapport.testsupport.TestDatabase;

/**
 * Looks through every table of a test database, whatever tables the migrations made: the list
 * comes from {@code information_schema}, so a table added later is searched without a change here.
 */
final class EveryTable {

    /** Column types a text can hide in; {@code bytea} is read with non-ASCII bytes escaped, so ciphertext never matches. */
    private static final Set<String> TEXT_LIKE = Set.of("text", "character varying", "character", "json", "jsonb",
            "xml", "ARRAY", "USER-DEFINED", "bytea");
    /** Which instance claims a segment, and how far it got, are the processors' own state, not data. */
    private static final Set<String> NOT_READ_MODELS = Set.of("token_entry");

    private EveryTable() {
    }

    static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    /** Every {@code schema.table.column} holding {@code marker} (case ignored), with how many rows. */
    static List<String> holding(TestDatabase database, String marker) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = connect(database)) {
            for (Map.Entry<String, Map<String, String>> table : textColumns(db).entrySet()) {
                for (Map.Entry<String, String> column : table.getValue().entrySet()) {
                    String quoted = "\"" + column.getKey().replace("\"", "\"\"") + "\"";
                    String text = column.getValue().equals("bytea") ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
                    try (PreparedStatement search = db.prepareStatement("SELECT count(*) FROM " + table.getKey()
                            + " WHERE strpos(lower(" + text + "), lower(?)) > 0")) {
                        search.setString(1, marker);
                        try (ResultSet count = search.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                found.add(table.getKey() + "." + column.getKey() + " (" + count.getLong(1) + " rows)");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The global index of the newest event in the store. */
    static long head(TestDatabase database) throws SQLException {
        try (Connection db = connect(database); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many rows of {@code table} hold {@code marker} in the column {@code column} (bytea read as escaped text). */
    static long rowsHolding(TestDatabase database, String table, String column, String marker) throws SQLException {
        try (Connection db = connect(database); PreparedStatement search = db.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE strpos(lower(encode(" + column + ", 'escape')), lower(?)) > 0")) {
            search.setString(1, marker);
            try (ResultSet count = search.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /**
     * Every row of every table but the processors' tokens, as sorted text: the read models, and the
     * event store beside them, which a replay must leave as it was.
     */
    static TreeMap<String, List<String>> dump(TestDatabase database) throws SQLException {
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
            for (String table : tables(db)) {
                if (NOT_READ_MODELS.contains(table.substring(table.indexOf('.') + 1))) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet row = sql.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        StringBuilder text = new StringBuilder();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            text.append(columns.getColumnName(c)).append('=').append(row.getString(c)).append(' ');
                        }
                        rows.add(text.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** The user tables, as quoted {@code schema.table}. */
    private static List<String> tables(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet found = sql.executeQuery("""
                SELECT table_schema, table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND table_schema NOT LIKE 'pg\\_%'
                ORDER BY 1, 2""")) {
            while (found.next()) {
                names.add(found.getString(1) + "." + found.getString(2));
            }
        }
        return names;
    }

    /** The text-like columns of every user table, by quoted table name; column name to data type. */
    private static Map<String, Map<String, String>> textColumns(Connection db) throws SQLException {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        try (Statement sql = db.createStatement(); ResultSet found = sql.executeQuery("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND c.table_schema NOT LIKE 'pg\\_%'
                ORDER BY 1, 2, c.ordinal_position""")) {
            while (found.next()) {
                if (TEXT_LIKE.contains(found.getString(4))) {
                    String table = "\"" + found.getString(1) + "\".\"" + found.getString(2) + "\"";
                    columns.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(found.getString(3), found.getString(4));
                }
            }
        }
        return columns;
    }
}

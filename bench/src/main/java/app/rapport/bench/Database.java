package app.rapport.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JDBC connections to the app's database, for baselines, bulk loads and checks. */
record Database(String url, String username, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** The name of the database the URL names. */
    String name() {
        return url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
    }

    /** A database created just now on the same server, for a run of its own. */
    Database freshBeside(String name) throws SQLException {
        execute("CREATE DATABASE " + name);
        return new Database(url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), username, password);
    }

    long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The server settings the figures depend on. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT current_setting('server_version'), current_setting('shared_buffers'),
                            current_setting('synchronous_commit'), current_setting('fsync'),
                            current_setting('max_connections'), current_setting('wal_level'),
                            current_setting('work_mem')""")) {
            rows.next();
            settings.put("pg_version", rows.getString(1));
            settings.put("pg_shared_buffers", rows.getString(2));
            settings.put("pg_synchronous_commit", rows.getString(3));
            settings.put("pg_fsync", rows.getString(4));
            settings.put("pg_max_connections", rows.getString(5));
            settings.put("pg_wal_level", rows.getString(6));
            settings.put("pg_work_mem", rows.getString(7));
        }
        return settings;
    }
}

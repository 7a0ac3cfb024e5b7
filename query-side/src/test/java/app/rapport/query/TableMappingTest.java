package app.rapport.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * Holds each read-model table's one mapping to the Flyway schema: the columns the table has
 * (information_schema), the columns its record's row mapper reads and the columns its upsert
 * writes must be the same, and a row written and read back must be the row written. A column
 * added, renamed or dropped on one side only fails here rather than in production.
 */
public abstract class TableMappingTest extends QueryIntegrationTest {

    private static final Pattern INSERT = Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)");

    /**
     * Writes {@code row} with the upsert and reads it back with the mapper, in a transaction that is
     * rolled back (replay tests compare whole tables), and checks all three against the schema.
     *
     * @param keyColumn a column whose value {@code key} finds the row and no other
     */
    protected <T> void assertOneMapping(String table, T row, Upsert<T> upsert, RowMapper<T> mapper,
                                        String keyColumn, Object key) {
        Set<String> columns = schemaColumns(table);
        assertThat(insertedColumns(table, upsert.sql())).as("the columns %s's upsert writes", table)
                .containsExactlyInAnyOrderElementsOf(columns);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            upsert.write(jdbc, List.of(row));
            Set<String> read = new LinkedHashSet<>();
            T readBack = readOne(table, mapper, keyColumn, key, read);
            assertThat(read).as("the columns %s's row mapper reads", table).containsExactlyInAnyOrderElementsOf(columns);
            assertThat(readBack).as("%s written and read back", table).isEqualTo(row);
        });
    }

    /** The table's columns as the migrations left them. */
    protected Set<String> schemaColumns(String table) {
        Set<String> columns = new LinkedHashSet<>(jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""",
                String.class, table));
        assertThat(columns).as("columns of %s", table).isNotEmpty();
        return columns;
    }

    /** The column list of an {@code INSERT INTO table (…)}, which must name {@code table}. */
    protected static List<String> insertedColumns(String table, String sql) {
        Matcher insert = INSERT.matcher(sql);
        assertThat(insert.find()).as("an INSERT INTO %s (columns…)", table).isTrue();
        assertThat(insert.group(1)).isEqualTo(table);
        return Arrays.stream(insert.group(2).split(",")).map(String::strip).toList();
    }

    /** The row found by the key, mapped while recording every column the mapper asks for. */
    protected <T> T readOne(String table, RowMapper<T> mapper, String keyColumn, Object key, Set<String> read) {
        return jdbc.query("SELECT * FROM " + table + " WHERE " + keyColumn + " = ?", rows -> {
            assertThat(rows.next()).as("a row of %s with %s = %s", table, keyColumn, key).isTrue();
            return mapper.mapRow(recording(rows, read), 0);
        }, key);
    }

    private static ResultSet recording(ResultSet rows, Set<String> read) {
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("get") && args != null && args.length > 0
                            && args[0] instanceof String column) {
                        read.add(column);
                    }
                    try {
                        return method.invoke(rows, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

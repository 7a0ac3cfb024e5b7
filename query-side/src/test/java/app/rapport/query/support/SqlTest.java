package app.rapport.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The projections' reads of a batch's rows, as PostgreSQL is asked them. */
class SqlTest extends QueryIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aBatchesRows_areReadByAStatementPlannedEachTime_neverByAPlanTheServerKeeps() throws Exception {
        Journal.ContactStream maya = journal().contact("Maya Chen", NOW.minusSeconds(60));
        awaitProjections();
        Set<EventSubject> about = Set.of(new EventSubject(maya.owner(), maya.id));

        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate oneConnection = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<String> names = List.of();
            // more often than the driver's five before it would prepare the statement on the server
            for (int batch = 0; batch < 12; batch++) {
                names = Sql.ofContacts(oneConnection,
                        "SELECT * FROM contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        (row, n) -> row.getString("name"));
                Sql.deleteOfContacts(oneConnection, "erased_contact", about);
            }

            assertThat(names).containsExactly("Maya Chen");
            assertThat(oneConnection.queryForObject("""
                    SELECT count(*) FROM pg_prepared_statements
                    WHERE statement LIKE 'SELECT * FROM contact WHERE owner_id = ANY($1)%'
                       OR statement LIKE 'DELETE FROM erased_contact WHERE owner_id = ANY($1)%'""", Long.class))
                    .as("statements the server keeps a plan for").isZero();
        }
    }
}

package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production shape: the command side and the query side as separate apps on one shared
 * PostgreSQL, each migrating only what it owns and both healthy.
 */
class SplitDeploymentTest {

    @Test
    void bothSidesStartOnOneSharedDatabase() {
        TestDatabase database = TestDatabases.create();

        try (ConfigurableApplicationContext command = start(CommandSideApplication.class, database);
             ConfigurableApplicationContext query = start(QuerySideApplication.class, database)) {

            assertThat(health(command)).contains("\"status\":\"UP\"");
            assertThat(health(query)).contains("\"status\":\"UP\"");
            assertThat(command.containsBean("querySideConfiguration")).isFalse();
            assertThat(query.containsBean("commandSideApplication")).isFalse();
            Integer eventTables = query.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'domain_event_entry'",
                    Integer.class);
            assertThat(eventTables).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, TestDatabase database) {
        return new SpringApplicationBuilder(application)
                .run(
                        "--rapport.test-database=off",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--server.port=0");
    }

    private static String health(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new RestTemplateBuilder().build()
                .getForObject("http://localhost:" + port + "/actuator/health", String.class);
    }
}

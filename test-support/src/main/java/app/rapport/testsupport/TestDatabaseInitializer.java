package app.rapport.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring context started in a test JVM at a fresh database of its own, overriding
 * the apps' default datasource, unless the test opts out with {@code rapport.test-database=off}
 * (to name its own database, or to exercise the standalone app's own embedded server).
 * Registered through {@code spring.factories}, so tests need no annotation for it.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if ("off".equals(environment.getProperty("rapport.test-database"))) {
            return;
        }
        TestDatabase database = TestDatabases.create();
        environment.getPropertySources().addFirst(new MapPropertySource("rapportTestDatabase", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password())));
    }
}

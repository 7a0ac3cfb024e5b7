package app.rapport.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring context started in a test JVM at a fresh database of its own, overriding
 * the apps' default datasource, unless the test opts out with {@code rapport.test-database=off}
 * (to name its own database, or to exercise the standalone app's own embedded server). It also
 * configures the {@link TestUsers}.
 * Registered through {@code spring.factories}, so tests need no annotation for it.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if ("off".equals(environment.getProperty("rapport.test-database"))) {
            return;
        }
        TestDatabase database = TestDatabases.create();
        Map<String, Object> properties = new HashMap<>(TestUsers.properties());
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        MapPropertySource source = new MapPropertySource("rapportTestDatabase", properties);
        // below a test's own @SpringBootTest(properties = …), above the apps' application.yml
        if (environment.getPropertySources().contains(INLINED_TEST_PROPERTIES)) {
            environment.getPropertySources().addAfter(INLINED_TEST_PROPERTIES, source);
        } else {
            environment.getPropertySources().addFirst(source);
        }
    }
}

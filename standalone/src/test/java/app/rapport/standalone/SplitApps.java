package app.rapport.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestUsers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/** The split deployment's apps started in this JVM on one test database, and clients for them. */
final class SplitApps {

    private SplitApps() {
    }

    /** One app on a random port with the test users, on {@code database}, with {@code extra} arguments. */
    static ConfigurableApplicationContext start(Class<?> application, TestDatabase database, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--rapport.test-database=off",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0"));
        arguments.addAll(TestUsers.arguments());
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The segments of the {@code contacts} processor this replica claims now. */
    static Set<Integer> claimedSegments(ConfigurableApplicationContext replica) {
        return replica.getBean(EventProcessingConfiguration.class)
                .eventProcessor("contacts", StreamingEventProcessor.class)
                .orElseThrow().processingStatus().keySet();
    }

    /** A client signed in as {@code user} that reads 4xx and 5xx answers as answers. */
    static RestTemplate client(ConfigurableApplicationContext app, String user) {
        return new RestTemplateBuilder()
                .rootUri("http://localhost:" + port(app))
                .basicAuthentication(user, TestUsers.passwordOf(user))
                .errorHandler(new NoErrors())
                .build();
    }

    private static final class NoErrors extends DefaultResponseErrorHandler {
        @Override
        public boolean hasError(ClientHttpResponse response) {
            return false;
        }
    }
}

package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so docker-compose.yml is kept true by reading it:
 * its services, ports, database settings and images must match the apps' own configuration.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void describesTheSplitDeployment() {
        assertThat(services).containsOnlyKeys("postgres", "command-side", "query-side");
        assertThat(map(map(service("query-side"), "deploy")).get("replicas")).isEqualTo(2);
    }

    @Test
    void postgresIsTheMajorVersionTheTestsAndTheStandaloneAppRun() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher binaries = Pattern.compile("<postgres-binaries.version>(\\d+)\\.").matcher(pom);
        assertThat(binaries.find()).isTrue();

        assertThat((String) service("postgres").get("image")).isEqualTo("postgres:" + binaries.group(1));
    }

    @Test
    void postgresKeepsItsDataInANamedVolumeAndReportsHealth() {
        assertThat(list(service("postgres"), "volumes")).containsExactly("rapport-db:/var/lib/postgresql/data");
        assertThat(service("postgres")).containsKey("healthcheck");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void appListensWhereItsOwnConfigurationSays(String app) throws IOException {
        String port = defaultPortOf(app);
        Map<String, Object> service = service(app);

        assertThat(map(map(service, "environment")).get("SERVER_PORT")).isEqualTo(port);
        assertThat(list(service, "ports")).allSatisfy(mapping -> assertThat(mapping).endsWith(":" + port));
        assertThat(list(map(service, "healthcheck"), "test").toString()).contains("localhost:" + port + "/actuator/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void appUsesTheComposeDatabase(String app) {
        Map<String, Object> env = map(service(app).get("environment"));
        Map<String, Object> postgres = map(service("postgres").get("environment"));

        assertThat(env.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(map(map(service(app), "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void appIsBuiltFromItsOwnModule(String app) throws IOException {
        Map<String, Object> build = map(service(app), "build");
        Path dockerfile = ROOT.resolve((String) build.get("dockerfile"));

        assertThat(build.get("context")).isEqualTo(".");
        assertThat(Files.readString(dockerfile)).contains("-pl " + app + " ").contains(app + "-*-exec.jar");
    }

    private static String defaultPortOf(String app) throws IOException {
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve(app).resolve("src/main/resources/application.yml"))) {
            config = new Yaml().load(reader);
        }
        String port = String.valueOf(map(config, "server").get("port"));
        Matcher placeholder = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}").matcher(port);
        return placeholder.matches() ? placeholder.group(1) : port;
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).isInstanceOf(List.class);
        return ((List<Object>) parent.get(key)).stream().map(String::valueOf).toList();
    }
}

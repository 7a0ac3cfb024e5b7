package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so docker-compose.yml is kept true by reading it:
 * its services, ports, database settings and images must match the apps' own configuration, and
 * its load balancer must send to every app where it listens. How that configuration routes and
 * fails over is LoadBalancerFailoverTest's, which runs it.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> APPS = List.of("command-side-1", "command-side-2", "query-side-1", "query-side-2");
    private static final Pattern SERVER = Pattern.compile("^\\s*server\\s+(\\S+)\\s+(\\S+)", Pattern.MULTILINE);
    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void describesTheSplitDeploymentBehindALoadBalancer() {
        assertThat(services).containsOnlyKeys("postgres", "command-side-1", "command-side-2", "query-side-1",
                "query-side-2", "web", "haproxy");
    }

    @Test
    void theLoadBalancerIsTheOnlyWayIn() {
        assertThat(list(service("haproxy"), "ports")).containsExactly("8080:8080");
        assertThat(haproxyConfig()).containsPattern("(?m)^\\s*bind :8080$");
        assertThat(APPS).allSatisfy(app -> assertThat(service(app)).doesNotContainKey("ports"));
        assertThat(service("web")).doesNotContainKey("ports");
    }

    @Test
    void thePagesAreBehindTheLoadBalancer_andCallTheApiThroughIt() {
        assertThat(section(haproxyConfig(), "backend web")).contains("server web web:8083");
        assertThat(map(map(service("web")), "environment")).containsEntry("SERVER_PORT", "8083")
                .containsEntry("RAPPORT_WEB_COMMAND_URL", "http://haproxy:8080")
                .containsEntry("RAPPORT_WEB_QUERY_URL", "http://haproxy:8080");
        assertThat(section(haproxyConfig(), "frontend api")).contains("use_backend web if !api");
    }

    @Test
    void reapplyingErasures_goesToTheCommandSides_beforeAdminRequestsGoToTheQuerySides() {
        String frontend = section(haproxyConfig(), "frontend api");
        assertThat(frontend).contains("acl erasures path /api/admin/erasures");
        assertThat(frontend.indexOf("use_backend command if erasures !read"))
                .isNotNegative().isLessThan(frontend.indexOf("use_backend query"));
    }

    @Test
    void theLoadBalancerSendsToEveryAppWhereItListens() {
        Map<String, String> servers = new TreeMap<>();
        Matcher server = SERVER.matcher(haproxyConfig());
        while (server.find()) {
            assertThat(servers.put(server.group(1), server.group(2))).as("server %s named twice", server.group(1)).isNull();
        }
        Map<String, String> apps = new TreeMap<>();
        for (String app : APPS) {
            apps.put(app, app + ":" + map(map(service(app), "environment")).get("SERVER_PORT"));
        }
        apps.put("web", "web:" + map(map(service("web")), "environment").get("SERVER_PORT"));

        assertThat(servers).isEqualTo(apps);
        assertThat(section(haproxyConfig(), "backend command")).contains("server command-side-1 ", "server command-side-2 ");
        assertThat(section(haproxyConfig(), "backend query")).contains("server query-side-1 ", "server query-side-2 ");
    }

    @Test
    void theLoadBalancerChecksTheReadinessTheHealthchecksAsk() {
        assertThat(section(haproxyConfig(), "backend command")).contains("http-check send meth GET uri /actuator/health/readiness");
        assertThat(section(haproxyConfig(), "backend query")).contains("http-check send meth GET uri /actuator/health/readiness");
        assertThat(APPS).allSatisfy(app -> assertThat(list(map(service(app), "healthcheck"), "test").toString())
                .contains("/actuator/health/readiness"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLoadBalancerIsAPinnedHaproxyReadingTheConfigurationWrittenHere() {
        Map<String, Object> haproxy = service("haproxy");
        List<Object> configs = (List<Object>) haproxy.get("configs");

        assertThat((String) haproxy.get("image")).matches("haproxy:\\d+\\.\\d+(\\.\\d+)?");
        assertThat(configs).hasSize(1);
        assertThat(map(configs.get(0))).containsEntry("source", "haproxy")
                .containsEntry("target", "/usr/local/etc/haproxy/haproxy.cfg");
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
    @ValueSource(strings = {"command-side-1", "command-side-2", "query-side-1", "query-side-2"})
    void appListensWhereItsOwnConfigurationSays(String app) throws IOException {
        String port = defaultPortOf(moduleOf(app));
        Map<String, Object> service = service(app);

        assertThat(map(map(service, "environment")).get("SERVER_PORT")).isEqualTo(port);
        assertThat(list(map(service, "healthcheck"), "test").toString()).contains("localhost:" + port + "/actuator/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side-1", "command-side-2", "query-side-1", "query-side-2"})
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
    @ValueSource(strings = {"command-side-1", "command-side-2", "query-side-1", "query-side-2"})
    void appIsBuiltFromItsOwnModule(String app) throws IOException {
        String module = moduleOf(app);
        Map<String, Object> build = map(service(app), "build");
        Path dockerfile = ROOT.resolve((String) build.get("dockerfile"));

        assertThat(build.get("context")).isEqualTo(".");
        assertThat(Files.readString(dockerfile)).contains("-pl " + module + " ").contains(module + "-*-exec.jar");
    }

    private static String moduleOf(String app) {
        return app.replaceFirst("-\\d+$", "");
    }

    /** The HAProxy configuration, inline in the compose file's top-level {@code configs}. */
    private static String haproxyConfig() {
        return (String) map(map(compose, "configs"), "haproxy").get("content");
    }

    /** A section of an HAProxy configuration: from its heading to the next unindented line. */
    private static String section(String config, String heading) {
        Matcher section = Pattern.compile("(?ms)^" + Pattern.quote(heading) + "$(.*?)(?=^\\S|\\z)").matcher(config);
        assertThat(section.find()).as("section %s", heading).isTrue();
        return section.group(1);
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

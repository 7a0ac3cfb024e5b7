package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

/**
 * HAProxy as a process of its own, running the configuration docker-compose.yml ships with only
 * its addresses changed: it listens on a free local port instead of {@code :8080}, and each
 * {@code server} goes to the app a test started for that compose service instead of the service's
 * host name. Its log (one line per request naming {@code backend/server}, and the servers' state
 * changes) is kept in a file.
 */
final class Haproxy {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Pattern BIND = Pattern.compile("(?m)^(?<keyword>\\s*bind )\\S+$");
    /** Compose services behind the load balancer that the API's tests never start: the pages. */
    private static final Set<String> NOT_STARTED = Set.of("web");
    private static final Pattern SERVER = Pattern.compile("(?m)^(\\s*server (\\S+) )([^:\\s]+):(\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private Haproxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the compose file's load balancer in front of {@code apps}, keyed by compose service
     * name, and waits until it accepts connections.
     */
    static Haproxy start(Map<String, AppProcess> apps, Path directory) throws IOException, InterruptedException {
        Path executable = executable();
        int port = AppProcess.freePort();
        Files.createDirectories(directory);
        Path config = Files.writeString(directory.resolve("haproxy.cfg"), addressed(composeConfig(), apps, port));
        Path log = directory.resolve("haproxy.log");
        Files.deleteIfExists(log);

        Process check = new ProcessBuilder(executable.toString(), "-c", "-f", config.toString())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0)
                .as("haproxy -c accepts %s:%n%s", config, checked).isTrue();

        Process process = new ProcessBuilder(executable.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Haproxy haproxy = new Haproxy(process, port, log);
        Awaitility.await("haproxy listens on " + port).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(haproxy::accepts);
        return haproxy;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Whether HAProxy's last word on {@code backend/server} was that it is {@code UP} or {@code DOWN}; false before it said any. */
    boolean says(String server, String state) throws IOException {
        Matcher change = Pattern.compile("Server " + Pattern.quote(server) + " is (UP|DOWN)").matcher(log());
        String last = null;
        while (change.find()) {
            last = change.group(1);
        }
        return state.equals(last);
    }

    /** The servers of {@code backend} that HAProxy logs answering {@code status} to a request whose line contains {@code text}. */
    Set<String> serversThatAnswered(String backend, int status, String text) throws IOException {
        Set<String> servers = new HashSet<>();
        // httplog: ... frontend backend/server Tq/Tw/Tc/Tr/Ta status bytes ... "METHOD uri HTTP/1.1"
        Matcher request = Pattern.compile(" " + Pattern.quote(backend) + "/(\\S+) \\S+ (\\d+) ").matcher("");
        for (String line : log().split("\n")) {
            if (line.contains(text) && request.reset(line).find() && Integer.parseInt(request.group(2)) == status) {
                servers.add(request.group(1));
            }
        }
        return servers;
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("haproxy exited; see " + log);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * HAProxy from the PATH or the usual sbin folders. On a developer's machine without it the test
     * is skipped; under CI (the {@code CI} variable set, or not on a build machine with {@code /work})
     * its absence fails the test, since {@code .ci/run} installs it.
     */
    static Path executable() {
        Optional<Path> found = Stream.concat(
                        Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String ci = System.getenv("CI");
        if ((ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) || !Files.isDirectory(Path.of("/work"))) {
            throw new AssertionError("haproxy is not installed, and under CI the load-balancer test must run: "
                    + ".ci/run installs it (apt-get install -y haproxy)");
        }
        Assumptions.abort("haproxy is not installed on this machine; install it (apt-get install -y haproxy) "
                + "or run .ci/run, which does, to run the load-balancer test");
        throw new IllegalStateException("unreachable");
    }

    /** The HAProxy configuration docker-compose.yml ships, inline in its top-level {@code configs}. */
    @SuppressWarnings("unchecked")
    static String composeConfig() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Object> configs = (Map<String, Object>) compose.get("configs");
            return (String) ((Map<String, Object>) configs.get("haproxy")).get("content");
        }
    }

    /** The configuration listening on {@code port}, each server at the app started for its compose service. */
    private static String addressed(String config, Map<String, AppProcess> apps, int port) {
        Matcher bind = BIND.matcher(config);
        assertThat(bind.results().count()).as("bind lines in the compose file's haproxy config").isEqualTo(1);
        String listening = bind.reset().replaceFirst("${keyword}127.0.0.1:" + port);

        Set<String> addressed = new HashSet<>();
        StringBuilder result = new StringBuilder();
        Matcher server = SERVER.matcher(listening);
        while (server.find()) {
            AppProcess app = apps.get(server.group(3));
            if (app == null && NOT_STARTED.contains(server.group(3))) {
                continue;  // left as written: HAProxy starts with it unresolved and marks it down
            }
            assertThat(app).as("an app started for compose service %s", server.group(3)).isNotNull();
            assertThat(addressed.add(server.group(3))).as("%s named by one server only", server.group(3)).isTrue();
            server.appendReplacement(result, Matcher.quoteReplacement(
                    server.group(1) + "127.0.0.1:" + app.uri("").getPort()));
        }
        server.appendTail(result);
        assertThat(addressed).as("apps behind the load balancer").isEqualTo(apps.keySet());
        return result.toString();
    }
}

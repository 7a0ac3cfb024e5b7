package app.rapport.standalone.crash;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;

/**
 * One of Rapport's apps as a JVM of its own, started from this test's classpath, so it can be
 * killed like a real process: {@link #kill()} is SIGKILL, with no shutdown hook run.
 */
final class AppProcess {

    private static String classpath;

    private final Class<?> application;
    private final List<String> arguments;
    private final int port;
    private final Path log;
    private Process process;

    private AppProcess(Class<?> application, List<String> arguments, int port, Path log) {
        this.application = application;
        this.arguments = arguments;
        this.port = port;
        this.log = log;
    }

    /** An app on a database of the tests' server. */
    static AppProcess start(Class<?> application, TestDatabase database, Path logDirectory) throws IOException {
        AppProcess app = new AppProcess(application, List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rapport.processors.node-id=" + application.getSimpleName() + "-" + System.nanoTime()),
                freePort(), logDirectory.resolve(application.getSimpleName() + ".log"));
        app.start();
        return app;
    }

    /** Not started yet: an app with these arguments (after the test users'), on a port of its own. */
    static AppProcess of(Class<?> application, Path log, List<String> arguments) throws IOException {
        return onPort(freePort(), application, log, arguments);
    }

    static AppProcess onPort(int port, Class<?> application, Path log, List<String> arguments) {
        return new AppProcess(application, arguments, port, log);
    }

    void start() throws IOException {
        start(Duration.ofSeconds(90));
    }

    /** Starts the app and waits until it is ready, for longer when others start beside it. */
    void start(Duration atMost) throws IOException {
        launch();
        awaitReady(atMost);
    }

    /** Runs the app until it exits by itself, as when it refuses to start: its exit code. */
    int runToExit(Duration atMost) throws IOException, InterruptedException {
        launch();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(application.getSimpleName() + " did not exit within " + atMost + "; see " + log);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return log;
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", classpath(),
                application.getName(),
                "--rapport.test-database=off",
                "--server.port=" + port));
        command.addAll(TestUsers.arguments());
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void awaitReady(Duration atMost) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(application.getSimpleName() + " exited; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("UP");
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /**
     * The test's classpath with its folders (the modules' {@code target/classes}) copied once per
     * test JVM. An app loads classes lazily for as long as it runs, and a build of the same checkout
     * meanwhile (a second build in a shared working copy) rewrites those folders under it: the app
     * then fails with NoClassDefFoundError in the middle of a test.
     */
    private static synchronized String classpath() throws IOException {
        if (classpath == null) {
            Path copies = Files.createTempDirectory(Path.of("target"), "app-classpath-");
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path source = Path.of(entry);
                if (Files.isDirectory(source)) {
                    Path copy = copies.resolve(entries.size() + "-" + source.getFileName());
                    copyTree(source, copy);
                    entries.add(copy.toAbsolutePath().toString());
                } else {
                    entries.add(entry);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copies)));
            classpath = String.join(File.pathSeparator, entries);
        }
        return classpath;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // the JVM is going away; target/ is cleaned by the next mvn clean
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package app.rapport.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone app in a process of its own, launched as the README's run command launches it,
 * on a fresh data directory: its embedded PostgreSQL, or the server named by {@code external}. Its
 * log goes to {@code app.log} in the run directory.
 * <p>
 * {@code spring-boot:run} starts the app with its jars on a plain class path and with
 * {@code -XX:TieredStopAtLevel=1} (the plugin's optimized launch); here the built jar is extracted
 * with Spring Boot's jar tools, which gives the same class path, and started with the same flag.
 * Both matter on two cores: the repackaged jar's nested-jar loading added about 1.5 s to start-up,
 * and the C2 compiler's work took CPU from the app and PostgreSQL for minutes (docs/benchmarks.md).
 * Options from {@code --jvm-option} come after, so {@code -XX:TieredStopAtLevel=4} restores C2.
 */
final class StandaloneProcess implements App {

    private static final Pattern DATABASE_LINE = Pattern.compile("Rapport uses database (\\S+) as user (\\S+)");

    private final List<String> command;
    private final Path log;
    private final Path dataDirectory;
    private final Database external;
    private final String baseUrl;
    private final double coldStartSeconds;
    private Process process;
    private Database database;

    StandaloneProcess(Path jar, Path runDirectory, Map<String, String> properties, Database external,
                      List<String> jvmOptions) throws IOException, InterruptedException {
        log = runDirectory.resolve("app.log");
        dataDirectory = runDirectory.resolve("data");
        this.external = external;
        Path config = runDirectory.resolve("bench-users.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> property : properties.entrySet()) {
                out.write(property.getKey() + "=" + property.getValue().replace("\\", "\\\\") + "\n");
            }
        }
        Path extracted = extract(jar, runDirectory.resolve("app"));
        int port = freePort();
        command = new ArrayList<>();
        command.add(java());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(extracted.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.add("--rapport.data-dir=" + runDirectory.resolve("data").toAbsolutePath());
        command.add("--spring.config.additional-location=file:" + config.toAbsolutePath());
        if (external != null) {
            command.add("--spring.datasource.url=" + external.url());
            command.add("--spring.datasource.username=" + external.username());
            command.add("--spring.datasource.password=" + external.password());
        }
        baseUrl = "http://localhost:" + port;
        coldStartSeconds = launch();
    }

    /** Starts the app, appending to its log, and waits until it is healthy; answers the seconds that took. */
    private double launch() throws IOException, InterruptedException {
        Api api = new Api(baseUrl);
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = started + TimeUnit.SECONDS.toNanos(180);
        while (api.probe("/actuator/health") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The app was not healthy within 180 s; see " + log);
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        database = external != null ? external : databaseFromLog(log, dataDirectory);
        return seconds;
    }

    @Override
    public boolean restartable() {
        return true;
    }

    /**
     * Stops the app as a person would (its embedded PostgreSQL with it) and starts it again on the
     * same data, port and settings, so what the app does at start-up (such as encrypting events
     * stored in plain text) runs on what the run has stored so far.
     */
    @Override
    public double restart() throws IOException, InterruptedException {
        stop();
        return launch();
    }

    /** The jar's classes as a jar of its own plus its libraries beside it, named by its manifest. */
    private static Path extract(Path jar, Path destination) throws IOException, InterruptedException {
        Process extraction = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", destination.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(extraction.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (extraction.waitFor() != 0) {
            throw new IllegalStateException("Extracting " + jar + " failed: " + output);
        }
        return destination.resolve(jar.getFileName());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The embedded server's address from the app's log, the last one logged (a restart may give it
     * another port); its generated password from the data directory.
     */
    private static Database databaseFromLog(Path log, Path dataDirectory) throws IOException {
        String password = Files.readString(dataDirectory.resolve("postgres.password"), StandardCharsets.UTF_8).trim();
        Database found = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher matcher = DATABASE_LINE.matcher(line);
            if (matcher.find()) {
                found = new Database(matcher.group(1), matcher.group(2), password);
            }
        }
        if (found == null) {
            throw new IllegalStateException("The app did not log which database it uses; see " + log);
        }
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public double coldStartSeconds() {
        return coldStartSeconds;
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package app.rapport.standalone.database;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import app.rapport.standalone.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone app's own PostgreSQL server: the journal of the person using it exists nowhere
 * else, so it is run to keep data, not as a test fixture.
 * <ul>
 * <li>Durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are given on
 *     the command line, which outranks {@code postgresql.conf} and {@code ALTER SYSTEM}.</li>
 * <li>Locked: the superuser has a generated password kept in {@code postgres.password} (0600)
 *     beside the server's files; the server listens on 127.0.0.1 only, with no Unix socket, and
 *     every connection must prove the password (SCRAM). No {@code trust} line survives a start.</li>
 * <li>One app per directory ({@link DataDirectoryLock}); a postmaster left running by an app that
 *     was killed is recognised by its pid file and stopped cleanly before a new one starts.</li>
 * <li>Supervised: the postmaster is this JVM's child; if it dies while the app runs it is started
 *     again on the same port, and the connection pool finds it there.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "postgres.password";
    static final String SERVER_FOLDER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** Crash recovery replays the WAL written since the last checkpoint before the server accepts connections. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration RESTART_PAUSE = Duration.ofMillis(250);
    private static final String WRONG_PASSWORD = "28P01";
    /** Servers being started ahead of the application context ({@link #startInBackground}), by data directory. */
    private static final Map<Path, Ahead> AHEAD = new ConcurrentHashMap<>();

    private final Path dataDirectory;
    private final Path serverDirectory;
    private final Path serverLog;
    private final PostgresBinaries binaries;
    private final DataDirectoryLock lock;
    private final int port;
    private final String password;
    private final Object lifecycle = new Object();
    private Process postmaster;
    private boolean wanted;
    private Thread supervisor;

    private EmbeddedPostgresServer(Path dataDirectory, PostgresBinaries binaries, DataDirectoryLock lock, int port,
                                   String password) {
        this.dataDirectory = dataDirectory;
        this.serverDirectory = dataDirectory.resolve(SERVER_FOLDER);
        this.serverLog = dataDirectory.resolve("postgres.log");
        this.binaries = binaries;
        this.lock = lock;
        this.port = port;
        this.password = password;
    }

    /**
     * Takes the data directory, prepares the server's files (new, or an existing directory of an
     * earlier version secured in place) and starts the server; or takes the server that
     * {@link #startInBackground} is starting for the same directory and port, once it is up, and
     * throws what its start threw.
     *
     * @param port the port to listen on; 0 picks a free one, kept for restarts
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Ahead ahead = AHEAD.remove(directory);
        if (ahead != null) {
            EmbeddedPostgresServer started = ahead.await();
            if (ahead.port() == port) {
                return started;
            }
            started.close();
        }
        return startNow(directory, port);
    }

    /**
     * Starts the server as {@link #start} would, on a thread of its own, so that unpacking the
     * binaries, {@code initdb} and the postmaster's start run while the application context is
     * built rather than after it asks for a connection: a fresh directory's context waited about
     * 1 s for them, and its start took 5.5 instead of 5.9 s (docs/benchmarks.md, 2026-12-04; a
     * restart's was unchanged). {@link #start} takes it; if the application fails before that,
     * {@link #stopUntaken} stops it.
     */
    public static void startInBackground(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Ahead ahead = new Ahead(port, new CompletableFuture<>());
        if (AHEAD.putIfAbsent(directory, ahead) != null) {
            return;
        }
        Thread starting = new Thread(() -> {
            try {
                ahead.server().complete(startNow(directory, port));
            } catch (IOException | RuntimeException | Error failed) {
                ahead.server().completeExceptionally(failed);
            }
        }, "rapport-postgres-start");
        starting.setDaemon(true);
        starting.start();
    }

    /**
     * Stops every server started in the background that no {@link #start} took, as when the
     * application failed before it asked for its database: the postmaster would outlive this JVM.
     */
    public static void stopUntaken() {
        for (Path directory : List.copyOf(AHEAD.keySet())) {
            Ahead ahead = AHEAD.remove(directory);
            if (ahead == null) {
                continue;
            }
            try {
                ahead.await().close();
            } catch (IOException | RuntimeException failed) {
                log.debug("The embedded PostgreSQL started ahead for {} did not start, so there is nothing to stop",
                        directory, failed);
            }
        }
    }

    private static EmbeddedPostgresServer startNow(Path directory, int port) throws IOException {
        DataDirectoryLock lock = DataDirectoryLock.take(directory);
        try {
            PostgresBinaries binaries = PostgresBinaries.unpackedUnder(directory.resolve("binaries"));
            Path server = directory.resolve(SERVER_FOLDER);
            refuseAnotherMajorVersion(server, binaries);
            stopOrphanedPostmaster(server, binaries);
            String password = prepare(directory, server, binaries);
            EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(directory, binaries, lock,
                    port == 0 ? freePort() : port, password);
            postgres.start();
            return postgres;
        } catch (IOException | RuntimeException failed) {
            lock.close();
            throw failed;
        }
    }

    /** A start begun by {@link #startInBackground}, for this port. */
    private record Ahead(int port, CompletableFuture<EmbeddedPostgresServer> server) {

        /** The started server, or what its start threw, as {@link #start} would have thrown it. */
        EmbeddedPostgresServer await() throws IOException {
            try {
                return server.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while the embedded PostgreSQL was starting");
            } catch (ExecutionException e) {
                Throwable failed = e.getCause();
                if (failed instanceof IOException io) {
                    throw io;
                }
                if (failed instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failed;
            }
        }
    }

    /**
     * Refuses now what {@link #start} would refuse later: another app holding the directory, or
     * files of another PostgreSQL major version.
     */
    public static void checkCanStart(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try (DataDirectoryLock free = DataDirectoryLock.take(directory)) {
            Path server = directory.resolve(SERVER_FOLDER);
            if (Files.exists(server.resolve("PG_VERSION"))) {
                refuseAnotherMajorVersion(server, PostgresBinaries.unpackedUnder(directory.resolve("binaries")));
            } else {
                // a first start, whose binaries startInBackground unpacks: a machine Rapport has
                // none for is refused now
                PostgresBinaries.archive();
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return password;
    }

    /** The postmaster's pid while it runs. */
    public Optional<Long> pid() {
        synchronized (lifecycle) {
            return postmaster != null && postmaster.isAlive() ? Optional.of(postmaster.pid()) : Optional.empty();
        }
    }

    /** Starts the server if it is not running, and keeps it running until {@link #stop()}. */
    public void start() throws IOException {
        synchronized (lifecycle) {
            wanted = true;
            if (postmaster == null || !postmaster.isAlive()) {
                launch();
            }
            if (supervisor == null) {
                supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
                supervisor.setDaemon(true);
                supervisor.start();
            }
        }
    }

    /** Stops the server cleanly and does not start it again until {@link #start()}. */
    public void stop() {
        synchronized (lifecycle) {
            wanted = false;
            lifecycle.notifyAll();
            if (postmaster == null || !postmaster.isAlive()) {
                return;
            }
            Process running = postmaster;
            boolean stopped = pgCtlStop(serverDirectory, binaries);
            try {
                if (!stopped && !running.waitFor(30, TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor();
                }
                running.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Stopped the embedded PostgreSQL");
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        Thread watcher;
        synchronized (lifecycle) {
            watcher = supervisor;
            supervisor = null;
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        lock.close();
    }

    /**
     * Writes a consistent copy of the whole server into {@code target} (which must not exist),
     * laid out as a data directory of its own: start an app on a copy of it to restore.
     */
    public void backUpInto(Path target) throws IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password)) {
            OnlineBackup.write(connection, serverDirectory, target.resolve(SERVER_FOLDER));
        } catch (SQLException e) {
            throw new IOException("The server refused the backup: " + e.getMessage(), e);
        }
        Path passwordCopy = target.resolve(PASSWORD_FILE);
        Files.createFile(passwordCopy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordCopy, password, StandardCharsets.UTF_8);
    }

    private void supervise() {
        while (true) {
            Process watched;
            synchronized (lifecycle) {
                while (!wanted || postmaster == null) {
                    if (supervisor != Thread.currentThread()) {
                        return;
                    }
                    try {
                        lifecycle.wait();
                    } catch (InterruptedException closing) {
                        return;
                    }
                }
                watched = postmaster;
            }
            int exit;
            try {
                exit = watched.waitFor();
            } catch (InterruptedException closing) {
                return;
            }
            synchronized (lifecycle) {
                if (!wanted || postmaster != watched) {
                    continue;
                }
                log.warn("The embedded PostgreSQL (pid {}) exited with code {} while Rapport runs; starting it again",
                        watched.pid(), exit);
                restartUntilRunning();
            }
        }
    }

    private void restartUntilRunning() {
        for (int attempt = 1; wanted; attempt++) {
            try {
                launch();
                log.info("The embedded PostgreSQL runs again (attempt {})", attempt);
                return;
            } catch (IOException notYet) {
                // a postmaster killed outright leaves its backends to notice and exit; until they
                // have, the new one finds their shared memory in use and gives up
                log.warn("Starting the embedded PostgreSQL again failed (attempt {}): {}", attempt, notYet.getMessage());
                try {
                    lifecycle.wait(RESTART_PAUSE.toMillis());
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void launch() throws IOException {
        // PostgreSQL refuses a directory others may read, as a plain copy of a backup would be
        Files.setPosixFilePermissions(serverDirectory, PosixFilePermissions.fromString("rwx------"));
        writeAccessRules(serverDirectory);
        List<String> command = new ArrayList<>(binaries.command("postgres",
                "-D", serverDirectory.toString(), "-p", Integer.toString(port)));
        for (String setting : List.of("listen_addresses=127.0.0.1", "unix_socket_directories=",
                "fsync=on", "synchronous_commit=on", "full_page_writes=on", "password_encryption=scram-sha-256")) {
            command.add("-c");
            command.add(setting);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                .start();
        postmaster = process;
        lifecycle.notifyAll();
        awaitReady(process);
        log.info("The embedded PostgreSQL {} (pid {}) listens on 127.0.0.1:{}, its files in {}", binaries.version(),
                process.pid(), port, serverDirectory);
    }

    private void awaitReady(Process process) throws IOException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with code " + process.exitValue() + ": " + lastLines(serverLog));
            }
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password)) {
                return;
            } catch (SQLException notYet) {
                if (WRONG_PASSWORD.equals(notYet.getSQLState())) {
                    process.destroy();
                    throw new StartRefused("The embedded PostgreSQL in " + serverDirectory + " refuses the password in "
                            + dataDirectory.resolve(PASSWORD_FILE) + ": restore the password file that belongs to it");
                }
                last = notYet;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while PostgreSQL was starting");
            }
        }
        process.destroy();
        throw new IOException("PostgreSQL did not accept connections within " + READY_WITHIN.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()) + "; see " + serverLog);
    }

    /** Only password-checked TCP from this machine, for the superuser. */
    private static void writeAccessRules(Path server) throws IOException {
        Files.writeString(server.resolve("pg_hba.conf"), """
                # Written by Rapport at every start: any other line would be replaced.
                # TYPE  DATABASE     USER      ADDRESS        METHOD
                host    all          postgres  127.0.0.1/32   scram-sha-256
                """, StandardCharsets.UTF_8);
    }

    /** A new directory gets a server with a password from the start; an older, open one gets one now. */
    private static String prepare(Path directory, Path server, PostgresBinaries binaries) throws IOException {
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        if (Files.exists(server.resolve("PG_VERSION"))) {
            if (Files.exists(passwordFile)) {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            }
            String password = writeNewPassword(passwordFile);
            setPasswordOffline(server, binaries, password);
            log.warn("The embedded PostgreSQL in {} accepted anyone on this machine; its superuser now has a password, "
                    + "kept in {}", server, passwordFile);
            return password;
        }
        refuseForeignFiles(server);
        Files.deleteIfExists(passwordFile);
        String password = writeNewPassword(passwordFile);
        Files.createDirectories(server.getParent());
        run(binaries.process("initdb", "--pgdata=" + server,
                "--username=" + SUPERUSER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8",
                "--locale=C", "--data-checksums"), "initdb", Duration.ofMinutes(5));
        log.info("Created the embedded PostgreSQL's files in {}; its password is in {}", server, passwordFile);
        return password;
    }

    /** In single-user mode: no connection of any kind is accepted while the password is set. */
    private static void setPasswordOffline(Path server, PostgresBinaries binaries, String password) throws IOException {
        Process single = binaries.process("postgres", "--single", "-D",
                server.toString(), "-c", "fsync=on", "postgres")
                .redirectErrorStream(true)
                .start();
        try (OutputStream statements = single.getOutputStream()) {
            statements.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        awaitExit(single, "postgres --single", Duration.ofMinutes(5), output);
    }

    private static String writeNewPassword(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return password;
    }

    private static void refuseAnotherMajorVersion(Path server, PostgresBinaries binaries) throws IOException {
        Path versionFile = server.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String made = Files.readString(versionFile, StandardCharsets.UTF_8).trim();
        if (!made.equals(binaries.major())) {
            throw new StartRefused("The data directory " + server + " was made by PostgreSQL " + made
                    + ", and this Rapport runs PostgreSQL " + binaries.major() + ": start the Rapport version that made it "
                    + "and take a backup, then upgrade the directory with PostgreSQL " + binaries.major()
                    + "'s pg_upgrade (see the README, 'Backup, restore and upgrades')");
        }
    }

    private static void refuseForeignFiles(Path server) throws IOException {
        if (!Files.isDirectory(server)) {
            return;
        }
        try (var entries = Files.list(server)) {
            if (entries.findAny().isPresent()) {
                throw new StartRefused("The folder " + server + " holds files but no PostgreSQL data (no PG_VERSION): "
                        + "move them away, or give Rapport another data directory (RAPPORT_DATA_DIR)");
            }
        }
        Files.delete(server);
    }

    /**
     * A postmaster of this directory still running while no app holds the directory was left by
     * an app that was killed. It is stopped cleanly (a fast shutdown: a checkpoint, nothing
     * committed is lost) so this start can run its own. A pid file whose process is gone, or is
     * another program since, is left for PostgreSQL itself to discard.
     */
    private static void stopOrphanedPostmaster(Path server, PostgresBinaries binaries) throws IOException {
        Path pidFile = server.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> isPostmasterOf(process, server));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL (pid {}) left running by an earlier Rapport holds {}: stopping it cleanly first",
                pid, server);
        if (!pgCtlStop(server, binaries)) {
            orphan.get().destroy();
        }
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception stillThere) {
            orphan.get().destroyForcibly();
        }
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path server) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(false);
        // some systems do not show another process's arguments; its command and pid file then decide
        boolean sameDirectory = info.arguments().map(arguments -> List.of(arguments).contains(server.toString()))
                .orElse(true);
        return postgres && sameDirectory;
    }

    private static boolean pgCtlStop(Path server, PostgresBinaries binaries) {
        try {
            run(binaries.process("pg_ctl", "stop", "--pgdata=" + server,
                    "--mode=fast", "--wait", "--timeout=60"), "pg_ctl stop", Duration.ofSeconds(90));
            return true;
        } catch (IOException failed) {
            log.warn("pg_ctl could not stop the embedded PostgreSQL: {}", failed.getMessage());
            return false;
        }
    }

    private static void run(ProcessBuilder builder, String name, Duration within) throws IOException {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        awaitExit(process, name, within, output);
    }

    private static void awaitExit(Process process, String name, Duration within, String output) throws IOException {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(name + " did not finish within " + within.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + " was interrupted");
        }
        if (process.exitValue() != 0) {
            throw new IOException(name + " failed with code " + process.exitValue() + ": " + output.trim());
        }
    }

    private static String lastLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException unreadable) {
            return "(no server log at " + file + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

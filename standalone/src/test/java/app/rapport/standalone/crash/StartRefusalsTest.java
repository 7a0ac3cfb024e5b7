package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.rapport.standalone.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the standalone app must refuse, as a person meets them: it exits with code 2 within
 * seconds, having said why on one line.
 */
class StartRefusalsTest {

    private static final Path LOGS = Path.of("target", "start-refusals");

    @TempDir
    Path dataDir;

    @Test
    void aTakenHttpPort_isRefusedInOneLineNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Path log = LOGS.resolve("port-" + System.nanoTime() + ".log");
            AppProcess app = AppProcess.onPort(taken.getLocalPort(), StandaloneApplication.class, log,
                    List.of("--rapport.data-dir=" + dataDir));

            assertThat(app.runToExit(Duration.ofSeconds(60))).isEqualTo(2);
            StartRefusal.assertOneLine(log, "Port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another program");
        }
    }

    @Test
    void aDataDirectoryOfAnotherPostgresMajorVersion_isRefusedNamingBothVersionsAndTheWayForward() throws Exception {
        Path server = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(server.resolve("PG_VERSION"), "16\n", StandardCharsets.UTF_8);
        Path log = LOGS.resolve("version-" + System.nanoTime() + ".log");
        AppProcess app = AppProcess.of(StandaloneApplication.class, log, List.of("--rapport.data-dir=" + dataDir));

        assertThat(app.runToExit(Duration.ofSeconds(60))).isEqualTo(2);
        StartRefusal.assertOneLine(log, "was made by PostgreSQL 16, and this Rapport runs PostgreSQL 17");
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("pg_upgrade").contains(server.toString());
        assertThat(Files.readString(server.resolve("PG_VERSION"), StandardCharsets.UTF_8)).isEqualTo("16\n");
    }
}

package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import app.rapport.standalone.database.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A data directory made by an earlier Rapport, whose embedded server trusted every local
 * connection: the next start gives the superuser a password and keeps every row.
 */
class EarlierDataDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void anOpenDirectoryOfAnEarlierVersion_isLockedAtTheNextStart_withItsDataKept() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection open = earlier.getPostgresDatabase().getConnection();
             Statement sql = open.createStatement()) {
            sql.execute("CREATE DATABASE rapport");
            try (Connection rapport = earlier.getDatabase("postgres", "rapport").getConnection();
                 Statement create = rapport.createStatement()) {
                create.execute("CREATE SCHEMA earlier");
                create.execute("CREATE TABLE earlier.kept (note text)");
                create.execute("INSERT INTO earlier.kept VALUES ('written before the upgrade')");
            }
        }
        assertThat(dataDir.resolve("postgres.password")).doesNotExist();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--rapport.test-database=off", "--rapport.data-dir=" + dataDir, "--server.port=0")) {
            EmbeddedPostgresServer postgres = app.getBean(EmbeddedPostgresServer.class);
            String password = Files.readString(dataDir.resolve("postgres.password"), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("rapport"), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (Connection rapport = DriverManager.getConnection(postgres.jdbcUrl("rapport"), "postgres", password);
                 Statement sql = rapport.createStatement();
                 ResultSet kept = sql.executeQuery("SELECT note FROM earlier.kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("written before the upgrade");
            }
        }
    }
}

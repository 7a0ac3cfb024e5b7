package app.rapport.standalone;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the standalone app.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files across restarts
 * @param embeddedPort the embedded server's port on 127.0.0.1; 0 picks a free one at each start
 * @param backupDir where {@code POST /api/admin/backup} writes; empty means {@code backups} in the data directory
 */
@ConfigurationProperties("rapport")
public record StandaloneProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        Path backupDir) {

    public StandaloneProperties {
        backupDir = backupDir != null ? backupDir : dataDir.resolve("backups");
    }
}

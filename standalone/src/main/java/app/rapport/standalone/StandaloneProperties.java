package app.rapport.standalone;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the standalone app.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files across restarts
 * @param embeddedPort the embedded server's port; 0 picks a free one at each start
 */
@ConfigurationProperties("rapport")
public record StandaloneProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort) {
}

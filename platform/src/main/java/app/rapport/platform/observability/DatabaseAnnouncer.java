package app.rapport.platform.observability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** Logs once, at start-up, which database this app stores its events in. */
class DatabaseAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAnnouncer.class);

    private final DataSource dataSource;

    DatabaseAnnouncer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            log.info("Rapport uses database {} as user {} ({} {})", meta.getURL(), meta.getUserName(),
                    meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            log.warn("Rapport could not reach its database at start-up: {}", e.getMessage());
        }
    }
}

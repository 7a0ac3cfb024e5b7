package app.rapport.standalone.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import app.rapport.standalone.StandaloneProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The standalone app's own PostgreSQL server, its files under {@code rapport.data-dir}, kept across
 * restarts. Only when no {@code spring.datasource.url} is configured; with one, Spring Boot's own
 * datasource connects to that server and nothing starts here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "rapport";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(StandaloneProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedPort());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) throws SQLException {
        createDatabaseIfMissing(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(DATABASE));
        dataSource.setUsername(EmbeddedPostgresServer.SUPERUSER);
        dataSource.setPassword(postgres.password());
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                EmbeddedPostgresServer.SUPERUSER, postgres.password());
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }
}

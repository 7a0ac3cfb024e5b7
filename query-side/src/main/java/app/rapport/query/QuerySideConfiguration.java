package app.rapport.query;

import app.rapport.platform.axon.EventStoreTables;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side's own settings and beans, declared here so that the standalone app (whose
 * package is elsewhere) has them too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySettings.class)
class QuerySideConfiguration {

    /** What the consistency gate and the audit trail read from Axon's tables beyond Axon's API. */
    @Bean
    EventStoreTables eventStoreTables(JdbcTemplate jdbc, EventSchema events, TokenSchema tokens,
                                      Serializer serializer) {
        return new EventStoreTables(jdbc, events, tokens, serializer);
    }
}

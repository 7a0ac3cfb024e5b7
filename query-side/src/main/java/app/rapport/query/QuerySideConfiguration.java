package app.rapport.query;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's own settings, declared here so that the standalone app (whose package is
 * elsewhere) has them too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySettings.class)
class QuerySideConfiguration {
}

package app.rapport.query;

import app.rapport.query.followup.FollowUpProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The query side's own settings, bound here so that the standalone app (whose package is elsewhere) has them too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowUpProperties.class)
class QuerySideConfiguration {
}

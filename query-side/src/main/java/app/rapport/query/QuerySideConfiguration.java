package app.rapport.query;

import app.rapport.query.followup.FollowUpProperties;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Where the read models' entities and repositories are, stated here rather than inferred from the
 * application class, so the standalone app (whose own package is elsewhere) finds them too.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = QuerySideConfiguration.class)
@EnableJpaRepositories(basePackageClasses = QuerySideConfiguration.class)
@EnableConfigurationProperties(FollowUpProperties.class)
class QuerySideConfiguration {
}

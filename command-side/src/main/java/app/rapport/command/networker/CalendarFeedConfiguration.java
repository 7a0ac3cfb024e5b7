package app.rapport.command.networker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The calendar feed's and the webhooks' settings, declared here so that the standalone app (whose package is elsewhere) has them too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CalendarFeedSettings.class, WebhookSettings.class})
class CalendarFeedConfiguration {
}

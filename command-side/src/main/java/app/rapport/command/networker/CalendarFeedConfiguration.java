package app.rapport.command.networker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The calendar feed's settings, declared here so that the standalone app (whose package is elsewhere) has them too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarFeedSettings.class)
class CalendarFeedConfiguration {
}

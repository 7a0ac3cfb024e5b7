package app.rapport.query.support;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * "Now" for the query side (the overdue view's default asOf). An auto-configuration so that the
 * missing-bean check runs after every app and test configuration: a fixed clock in a test, or
 * the standalone app's one clock, replaces this one.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

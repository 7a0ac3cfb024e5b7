package app.rapport.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link StartRefused} as the one line a person needs, ahead of Spring Boot's failure
 * analysis, which would frame it in a banner or print its stack.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartRefusedReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

    @Override
    public boolean reportException(Throwable failure) {
        StartRefused refused = StartRefused.foundIn(failure);
        if (refused == null) {
            return false;
        }
        log.error(refused.getMessage());
        return true;
    }
}

package app.rapport.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query side's own settings, with their defaults in one place.
 *
 * @param replay read models to rebuild when the app starts ({@code all} or a processor's name), e.g.
 *        after a projection's code changed; empty rebuilds none
 * @param query how queries wait and replays report
 */
@ConfigurationProperties("rapport")
public record QuerySettings(@DefaultValue("") String replay, @DefaultValue Query query) {

    /**
     * @param consistencyTimeout how long a query with {@code consistentWith} waits for the read
     *        model to reach that position before answering 503
     * @param replayProgressInterval how often a running replay logs its progress
     */
    public record Query(
            @DefaultValue("PT5S") Duration consistencyTimeout,
            @DefaultValue("PT5S") Duration replayProgressInterval) {
    }
}

package app.rapport.query.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The event feed's settings.
 *
 * @param holeWait how long a missing position of the store holds the feed back before it is taken
 *        for a rolled-back insert (see {@link EventFeed}); a commit slower than this could be missed,
 *        a longer wait delays the feed after every rollback
 * @param maxWaiting how many long-polling requests one process holds at once; beyond it a request
 *        with {@code wait} is answered at once
 */
@ConfigurationProperties("rapport.feed")
public record FeedSettings(@DefaultValue("PT10S") Duration holeWait, @DefaultValue("1000") int maxWaiting) {
}

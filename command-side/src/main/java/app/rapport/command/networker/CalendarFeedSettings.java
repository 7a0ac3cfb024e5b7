package app.rapport.command.networker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the calendar feed is reached from outside.
 *
 * @param baseUrl the public address a feed's URL begins with, such as {@code https://rapport.example.edu},
 *        for a deployment whose query side is not reached at the address the command came to;
 *        empty (the default) takes the address of the request that created the feed
 */
@ConfigurationProperties("rapport.calendar-feed")
record CalendarFeedSettings(@DefaultValue("") String baseUrl) {
}

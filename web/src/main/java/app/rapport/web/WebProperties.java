package app.rapport.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pages find the API.
 *
 * @param commandUrl the command side (or the load balancer in front of it); unset, this process on
 *        loopback, which is the standalone app's case
 * @param queryUrl the query side (or the load balancer); unset, this process on loopback
 * @param timeout how long a page waits for one API answer; above the query side's own
 *        {@code consistentWith} wait of 5 s, so a read of one's own write is not cut short
 */
@ConfigurationProperties("rapport.web")
public record WebProperties(URI commandUrl, URI queryUrl, @DefaultValue("15s") Duration timeout) {
}

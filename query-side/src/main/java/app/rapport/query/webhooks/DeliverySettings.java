package app.rapport.query.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How webhooks are delivered ({@code rapport.webhooks}; the command side reads {@code allow-loopback} too).
 *
 * @param enabled whether this process delivers at all (every replica may; a lease keeps each webhook to one)
 * @param allowLoopback whether loopback URLs (plain http too) are delivered to: local development only
 * @param pollInterval how often due webhooks are looked for
 * @param firstRetry the wait after a first failure; each further failure doubles it
 * @param longestRetry the longest wait between two tries
 * @param failingAfter how long a webhook fails before it is marked failing (it is still retried)
 * @param timeout how long a delivery may take to connect, and to answer
 * @param lease how long a replica holds a webhook without renewing its claim
 * @param concurrency how many webhooks one process delivers to at once, each on its own thread
 */
@ConfigurationProperties("rapport.webhooks")
record DeliverySettings(@DefaultValue("true") boolean enabled,
                        @DefaultValue("false") boolean allowLoopback,
                        @DefaultValue("PT1S") Duration pollInterval,
                        @DefaultValue("PT10S") Duration firstRetry,
                        @DefaultValue("PT1H") Duration longestRetry,
                        @DefaultValue("P1D") Duration failingAfter,
                        @DefaultValue("PT10S") Duration timeout,
                        @DefaultValue("PT1M") Duration lease,
                        @DefaultValue("16") int concurrency) {
}

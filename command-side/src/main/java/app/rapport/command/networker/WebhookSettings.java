package app.rapport.command.networker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which webhook URLs a registration accepts (the query side, which delivers, reads the same setting).
 *
 * @param allowLoopback whether URLs on loopback addresses (plain {@code http} too) are accepted: for
 *        local development only, since a delivery to loopback reaches the server's own services
 */
@ConfigurationProperties("rapport.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowLoopback) {
}

package app.rapport.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Rapport's settings shared by every app, with their defaults in one place.
 *
 * @param processors how the streaming event processors run
 * @param http limits of the HTTP edge
 * @param defaultUser who is acting when a request carries no authenticated user
 */
@ConfigurationProperties("rapport")
public record PlatformProperties(
        @DefaultValue Processors processors,
        @DefaultValue Http http,
        @DefaultValue("demo") String defaultUser) {

    /**
     * @param batchSize events handled in one transaction; 1 costs a commit per event (TRAPS.md)
     * @param initialSegments segments a processor's stream is split into when its tokens are first
     *        created; instances of one app share them through the token store
     */
    public record Processors(
            @DefaultValue("100") int batchSize,
            @DefaultValue("2") int initialSegments) {
    }

    /**
     * @param maxBodySize the largest request body accepted; larger is answered 413
     */
    public record Http(@DefaultValue("64KB") DataSize maxBodySize) {
    }
}

package app.rapport.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Rapport's settings shared by every app, with their defaults in one place.
 *
 * @param processors how the streaming event processors run
 * @param http limits of the HTTP edge
 * @param defaultUser who is acting outside any request (start-up work, replays)
 * @param users the accounts HTTP Basic accepts, unless JWTs are configured
 * @param security how credentials are checked
 */
@ConfigurationProperties("rapport")
public record PlatformProperties(
        @DefaultValue Processors processors,
        @DefaultValue Http http,
        @DefaultValue("demo") String defaultUser,
        List<User> users,
        @DefaultValue Security security) {

    public PlatformProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One account.
     *
     * @param username the name the user logs in with and owns their journal under
     * @param password a Spring Security password-storage string: {@code {bcrypt}$2a$…}, or
     *        {@code {noop}plain} for tests and demos
     * @param admin whether the user may also replay projections, retry dead letters and read metrics
     */
    public record User(String username, String password, boolean admin) {

        @Override
        public String toString() {
            return "User[" + username + "]";
        }
    }

    /**
     * @param usernameClaim the JWT claim that names the user, when bearer tokens are configured;
     *        {@code sub} is used where a token lacks it
     * @param credentialCacheTtl how long a verified password is remembered, so bcrypt's deliberate
     *        cost is paid once per credential rather than on every request
     */
    public record Security(
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("60s") Duration credentialCacheTtl) {
    }

    /**
     * @param batchSize events handled in one transaction; 1 costs a commit per event (TRAPS.md)
     * @param initialSegments segments a processor's stream is split into when its tokens are first
     *        created; instances of one app share them through the token store
     * @param maxClaimedSegments how many segments one instance claims; 0 means all of them. With N
     *        replicas, initialSegments / N spreads the work instead of leaving replicas idle
     * @param nodeId the name this instance claims segments under; empty means the JVM's
     *        {@code pid@host}, which is unique unless several apps share one JVM (as tests do)
     * @param shared when set, one processor of that name feeds every processing group: the store
     *        is read, and the token kept, once instead of once per read model, but a replay of any
     *        read model rebuilds them all; empty means a processor per processing group
     * @param type pooled (default: batches more per transaction) or tracking (a transaction and
     *        token update per processor for nearly every event: about half the write throughput;
     *        its threads are {@code initialSegments}, and {@code maxClaimedSegments} does not apply)
     * @param arrivalWindow pooled processors are woken when new events arrive, then not again for
     *        this long, so events arriving meanwhile share one batch and transaction per processor;
     *        0 wakes them for every arrival (lowest lag, most transactions)
     * @param fetchDelay how long the processors' stream waits, once it has read everything, before
     *        looking in the store again: the longest a projection waits for an event another
     *        instance appended (events appended in this instance wake it at once); each look is
     *        one indexed query
     */
    public record Processors(
            @DefaultValue("100") int batchSize,
            @DefaultValue("2") int initialSegments,
            @DefaultValue("0") int maxClaimedSegments,
            @DefaultValue("") String nodeId,
            @DefaultValue("") String shared,
            @DefaultValue("pooled") ProcessorType type,
            @DefaultValue("100ms") Duration arrivalWindow,
            @DefaultValue("100ms") Duration fetchDelay) {

        public Processors {
            if (arrivalWindow.isNegative()) {
                throw new IllegalArgumentException("rapport.processors.arrival-window must not be negative");
            }
            if (fetchDelay.toMillis() < 1) {
                throw new IllegalArgumentException("rapport.processors.fetch-delay must be at least 1ms");
            }
        }
    }

    public enum ProcessorType {
        POOLED, TRACKING
    }

    /**
     * @param maxBodySize the largest request body accepted; larger is answered 413
     */
    public record Http(@DefaultValue("64KB") DataSize maxBodySize) {
    }
}

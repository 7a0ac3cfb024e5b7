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
     *        cost is paid once per credential rather than on every request; each use within it
     *        renews it
     * @param credentialCacheMaxAge how long after its password was last checked a credential in use
     *        is remembered at most
     * @param failedLogins how many wrong passwords are checked before sign-ins are refused for a while
     */
    public record Security(
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("60s") Duration credentialCacheTtl,
            @DefaultValue("1h") Duration credentialCacheMaxAge,
            @DefaultValue FailedLogins failedLogins) {
    }

    /**
     * Password guessing is slowed down: once a username, or a client address, has had this many
     * wrong passwords, its sign-ins are answered 429 without checking the password for
     * {@code window}, and each further wrong password after a wait doubles the next, up to
     * {@code maxWait}. A success, or {@code window} without failures once a wait is over, forgets
     * the failures. The same wrong password again counts once: a client retrying a stale password
     * is not guessing. Credentials verified within {@code credentialCacheTtl} pass even while their
     * username waits, so guessing at a signed-in user's name does not lock them out.
     *
     * @param maxPerUsername wrong passwords for one username before it waits; 0 never makes it wait
     * @param maxPerAddress wrong passwords from one client address (an IPv6 one by its /64) before
     *        it waits; higher than per username, since one address may be a whole office behind NAT
     *        or a reverse proxy (the address is the connection's unless
     *        {@code server.forward-headers-strategy} is set); 0 never makes it wait. Both 0 turns
     *        the throttle off
     * @param window how long failures are remembered, and the first wait
     * @param maxWait the longest wait
     */
    public record FailedLogins(
            @DefaultValue("5") int maxPerUsername,
            @DefaultValue("20") int maxPerAddress,
            @DefaultValue("1m") Duration window,
            @DefaultValue("15m") Duration maxWait) {

        public FailedLogins {
            if (maxPerUsername < 0 || maxPerAddress < 0) {
                throw new IllegalArgumentException("rapport.security.failed-logins.max-per-* must not be negative");
            }
            if (window.toSeconds() < 1 || maxWait.compareTo(window) < 0) {
                throw new IllegalArgumentException(
                        "rapport.security.failed-logins.window must be at least 1s and max-wait at least the window");
            }
        }

        public boolean enabled() {
            return maxPerUsername > 0 || maxPerAddress > 0;
        }
    }

    /**
     * @param batchSize events handled in one transaction; 1 costs a commit per event, which
     *        made replays about a third as fast
     * @param initialSegments segments a processor's stream is split into when its tokens are first
     *        created; instances of one app share them through the token store
     * @param maxClaimedSegments how many segments one instance claims at most; 0 (the default) means
     *        all of them, and the {@link app.rapport.platform.axon.SegmentBalancer} spreads them over
     *        the live replicas. A cap set here also stops a survivor from taking over the segments of
     *        a replica that died, so it is kept only for deployments that already set it
     * @param nodeId the name this instance claims segments under; empty means the JVM's
     *        {@code pid@host}, which is unique unless several apps share one JVM (as tests do)
     * @param arrivalWindow pooled processors are woken when new events arrive, then not again for
     *        this long, so events arriving meanwhile share one batch and transaction per processor;
     *        0 wakes them for every arrival (lowest lag, most transactions)
     * @param fetchDelay how long the processors' stream waits, once it has read everything, before
     *        looking in the store again: the longest a projection waits for an event another
     *        instance appended (events appended in this instance wake it at once); each look is
     *        one indexed query
     * @param claimTimeout how long a segment's claim lasts without being extended before another
     *        instance may take the segment over: a replica that dies has its segments taken over
     *        within about this plus a quarter of it. Claims are extended every quarter of it, so it
     *        must be longer than the longest batch transaction
     */
    public record Processors(
            @DefaultValue("100") int batchSize,
            @DefaultValue("2") int initialSegments,
            @DefaultValue("0") int maxClaimedSegments,
            @DefaultValue("") String nodeId,
            @DefaultValue("100ms") Duration arrivalWindow,
            @DefaultValue("100ms") Duration fetchDelay,
            @DefaultValue("10s") Duration claimTimeout) {

        public Processors {
            if (claimTimeout.toMillis() < 2000) {
                throw new IllegalArgumentException("rapport.processors.claim-timeout must be at least 2s");
            }
            if (arrivalWindow.isNegative()) {
                throw new IllegalArgumentException("rapport.processors.arrival-window must not be negative");
            }
            if (fetchDelay.toMillis() < 1) {
                throw new IllegalArgumentException("rapport.processors.fetch-delay must be at least 1ms");
            }
        }

        /** How often claims are extended and unclaimed segments looked for: a quarter of the claim timeout. */
        public Duration claimInterval() {
            return claimTimeout.dividedBy(4);
        }
    }

    /**
     * @param maxBodySize the largest request body accepted; larger is answered 413
     * @param maxFileSize the largest file accepted by an endpoint that takes a whole file (an import),
     *        as its body or as a multipart part; larger is answered 413
     * @param filePaths the paths (and the paths below them) whose requests carry a file, so
     *        {@code maxFileSize} bounds them instead of {@code maxBodySize}
     */
    public record Http(
            @DefaultValue("64KB") DataSize maxBodySize,
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("/api/imports") List<String> filePaths) {

        public Http {
            filePaths = List.copyOf(filePaths);
        }

        /** The largest body a request to {@code path} may carry: a file, with room for a multipart envelope. */
        public long maxBodyBytesFor(String path) {
            boolean file = filePaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
            return file ? maxFileSize.toBytes() + maxBodySize.toBytes() : maxBodySize.toBytes();
        }
    }
}

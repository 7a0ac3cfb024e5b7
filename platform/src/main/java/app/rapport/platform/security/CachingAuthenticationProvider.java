package app.rapport.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, for a short while, that a username and password were verified. bcrypt is slow on
 * purpose (tens of milliseconds of CPU), and HTTP Basic sends the password with every request: on
 * two cores checking it each time caps the whole API at a few dozen requests per second. The key
 * is a SHA-256 of both, so the cache never holds a password. Only successes are remembered: wrong
 * passwords are for the {@link LoginThrottle} to count.
 * <p>
 * A credential in use stays remembered: each use within the time to live renews it, up to
 * {@code maxAge} after the password was last checked. Without the renewal a person on the pages
 * (which call the API with their credentials) paid a bcrypt check on some page every minute, and
 * the bench's 200 owners, signed in together, all paid it in the same second: the page step's
 * throughput fell to a third for about 20 s (pages p99 402 ms in a full run).
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxAge = maxAge.compareTo(ttl) < 0 ? ttl : maxAge;
        this.clock = clock;
    }

    /** A credential checked at {@code checkedAt}, remembered until {@code until}. */
    private record Verified(Authentication authentication, Instant checkedAt, Instant until) {

        Verified renewed(Instant now, Duration ttl, Duration maxAge) {
            Instant renewed = now.plus(ttl);
            Instant limit = checkedAt.plus(maxAge);
            return new Verified(authentication, checkedAt, renewed.isAfter(limit) ? limit : renewed);
        }
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request.getCredentials() instanceof String password) || ttl.isZero()) {
            return delegate.authenticate(request);
        }
        String key = CredentialDigest.of(request.getName(), password);
        Instant now = clock.instant();
        Verified remembered = verified.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            verified.put(key, remembered.renewed(now, ttl, maxAge));
            return remembered.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Verified(withoutCredentials(result), now, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static Authentication withoutCredentials(Authentication result) {
        return UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null, result.getAuthorities());
    }
}

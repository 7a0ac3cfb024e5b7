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
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    private record Verified(Authentication authentication, Instant until) {
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
            return remembered.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Verified(withoutCredentials(result), now.plus(ttl)));
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

package app.rapport.platform.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** The password check behind the cache and the throttle, in their tests: one right password, each check counted. */
final class CountingPasswordCheck implements AuthenticationProvider {

    static final String RIGHT = "right-password";

    final AtomicInteger checks = new AtomicInteger();

    @Override
    public Authentication authenticate(Authentication request) {
        checks.incrementAndGet();
        if (!RIGHT.equals(request.getCredentials())) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                AuthorityUtils.createAuthorityList("ROLE_USER"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return true;
    }
}

package app.rapport.platform.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks the {@link LoginThrottle} before a password is checked, and tells it the outcome. A refused
 * sign-in never reaches bcrypt, so guessing costs the server almost nothing once it is throttled;
 * a wrong password already counted is refused as wrong without checking it again.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final String UNKNOWN_ADDRESS = "unknown";

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        // users are found whatever the case of their name, so "Ada" must not be a fresh count for "ada"
        String username = request.getName().toLowerCase(Locale.ROOT);
        String address = request.getDetails() instanceof WebAuthenticationDetails web
                ? addressKey(web.getRemoteAddress()) : UNKNOWN_ADDRESS;
        String credentials = CredentialDigest.of(username, password);
        Duration wait = throttle.tryCheck(username, address, credentials);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        boolean ended = false;
        try {
            if (throttle.isKnownWrong(username, credentials)) {
                throw new BadCredentialsException("Bad credentials");
            }
            Authentication result = delegate.authenticate(request);
            if (result != null && result.isAuthenticated()) {
                throttle.succeeded(username, address);
                ended = true;
            }
            return result;
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address, credentials);
            ended = true;
            throw wrong;
        } finally {
            if (!ended) {
                throttle.abandoned(username, address, credentials);
            }
        }
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 network, since that is what one
     * subscriber is usually given, and counting each of its addresses apart would count nothing.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return UNKNOWN_ADDRESS;
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal, so no name is looked up; an IPv4-mapped address comes back as IPv4
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}

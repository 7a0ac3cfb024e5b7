package app.rapport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import app.rapport.platform.PlatformProperties.FailedLogins;
import app.rapport.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The throttle in front of the password check: what reaches the check, and what it answers instead. */
class ThrottlingAuthenticationProviderTest {

    static final String RIGHT = CountingPasswordCheck.RIGHT;

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));
    final CountingPasswordCheck checkPassword = new CountingPasswordCheck();
    final AtomicInteger checks = checkPassword.checks;
    final ThrottlingAuthenticationProvider provider = new ThrottlingAuthenticationProvider(checkPassword,
            new LoginThrottle(new FailedLogins(3, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)), clock));

    @Test
    void aThrottledSignInIsRefusedWithoutCheckingThePassword() {
        for (int i = 0; i < 3; i++) {
            attempt("ada", "guess-" + i, "10.0.0.1");
        }
        int checked = checks.get();

        assertThatThrownBy(() -> provider.authenticate(signIn("ada", RIGHT, "10.0.0.1")))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(60));
        assertThat(checks.get()).isEqualTo(checked);
    }

    @Test
    void theRightPasswordIsAcceptedOnceTheWaitIsOver() {
        for (int i = 0; i < 3; i++) {
            attempt("ada", "guess-" + i, "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(60));

        assertThat(provider.authenticate(signIn("ada", RIGHT, "10.0.0.2")).isAuthenticated()).isTrue();
    }

    @Test
    void aRepeatedWrongPasswordIsRefusedAsWrongWithoutCheckingItAgain() {
        attempt("ada", "stale", "10.0.0.1");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> provider.authenticate(signIn("ada", "stale", "10.0.0.1")))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThat(checks.get()).isEqualTo(1);
        assertThat(provider.authenticate(signIn("ada", RIGHT, "10.0.0.1")).isAuthenticated()).isTrue();
    }

    @Test
    void theWaitIsRoundedUpToWholeSeconds() {
        for (int i = 0; i < 3; i++) {
            attempt("ada", "guess-" + i, "10.0.0.1");
        }
        clock.advance(Duration.ofMillis(59_500));

        assertThatThrownBy(() -> provider.authenticate(signIn("ada", RIGHT, "10.0.0.1")))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    void aUsernameInAnotherCaseIsTheSameUsername() {
        attempt("ada", "guess-0", "10.0.0.1");
        attempt("Ada", "guess-1", "10.0.0.2");
        attempt("ADA", "guess-2", "10.0.0.3");

        assertThatThrownBy(() -> provider.authenticate(signIn("aDa", "guess-3", "10.0.0.4")))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void ipv6AddressesOfOneNetworkAreOneAddress() {
        assertThat(ThrottlingAuthenticationProvider.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ThrottlingAuthenticationProvider.addressKey("2001:db8:1:2::1"))
                .isNotEqualTo(ThrottlingAuthenticationProvider.addressKey("2001:db8:1:3::1"));
        assertThat(ThrottlingAuthenticationProvider.addressKey("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(ThrottlingAuthenticationProvider.addressKey("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
    }

    private void attempt(String username, String password, String address) {
        assertThatThrownBy(() -> provider.authenticate(signIn(username, password, address)))
                .isExactlyInstanceOf(BadCredentialsException.class);
    }

    private static Authentication signIn(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }
}

package app.rapport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import app.rapport.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** How long a verified password is remembered: renewed while in use, never past its maximum age. */
class CachingAuthenticationProviderTest {

    static final String RIGHT = CountingPasswordCheck.RIGHT;

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));
    final CountingPasswordCheck checkPassword = new CountingPasswordCheck();
    final AtomicInteger checks = checkPassword.checks;
    final CachingAuthenticationProvider cache = new CachingAuthenticationProvider(checkPassword,
            Duration.ofSeconds(60), Duration.ofMinutes(10), clock);

    @Test
    void aCredentialInUse_isRememberedPastTheTtl_withoutCheckingItsPasswordAgain() {
        signIn(RIGHT);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(50));
            signIn(RIGHT);
        }

        assertThat(checks.get()).isEqualTo(1);
    }

    @Test
    void aCredentialInUse_isCheckedAgain_atItsMaximumAge() {
        signIn(RIGHT);
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(50));
            signIn(RIGHT);
        }

        // renewals stop 600 s after the first check: the use at 600 s checks the password again
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void aCredentialUnusedForTheTtl_isCheckedAgain() {
        signIn(RIGHT);
        clock.advance(Duration.ofSeconds(61));
        signIn(RIGHT);

        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void aWrongPassword_isNeverRemembered() {
        assertThatThrownBy(() -> signIn("guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("guess")).isInstanceOf(BadCredentialsException.class);

        assertThat(checks.get()).isEqualTo(2);
    }

    private Authentication signIn(String password) {
        return cache.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ada", password));
    }
}

package app.rapport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import app.rapport.platform.PlatformProperties.FailedLogins;
import app.rapport.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

/** When wrong passwords make a username or an address wait, for how long, and when they are forgotten. */
class LoginThrottleTest {

    static final FailedLogins SETTINGS = new FailedLogins(3, 5, Duration.ofMinutes(1), Duration.ofMinutes(15));
    static final String ADA = "ada";
    static final String HERE = "10.0.0.1";

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);
    int guesses;

    @Test
    void aUsernameMayBeCheckedUntilItHasHadTheMaximumOfWrongPasswords() {
        fail(ADA, HERE, 2);
        assertThat(throttle.waitFor(ADA, HERE)).isZero();

        fail(ADA, HERE, 1);

        assertThat(throttle.waitFor(ADA, HERE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitFor(ADA, "10.9.9.9")).as("from anywhere").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anotherUsernameFromAnotherAddressIsNotMadeToWait() {
        fail(ADA, HERE, 3);

        assertThat(throttle.waitFor("grace", "10.0.0.2")).isZero();
    }

    @Test
    void theWaitRunsDown() {
        fail(ADA, HERE, 3);
        clock.advance(Duration.ofSeconds(45));

        assertThat(throttle.waitFor(ADA, HERE)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void eachWrongPasswordAfterAWaitDoublesTheNextUpToTheLongestWait() {
        fail(ADA, HERE, 3);
        Duration expected = Duration.ofMinutes(1);
        for (int round = 0; round < 6; round++) {
            clock.advance(throttle.waitFor(ADA, HERE));
            fail(ADA, HERE, 1);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) < 0
                    ? expected.multipliedBy(2) : Duration.ofMinutes(15);
            assertThat(throttle.waitFor(ADA, HERE)).as("after round %d", round).isEqualTo(expected);
        }
        assertThat(expected).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aRightPasswordForgetsTheUsernamesFailures() {
        fail(ADA, HERE, 2);

        throttle.succeeded(ADA, HERE);
        fail(ADA, HERE, 2);

        assertThat(throttle.waitFor(ADA, HERE)).isZero();
    }

    @Test
    void theSameWrongPasswordAgainCountsOnce() {
        String stale = CredentialDigest.of(ADA, "last-years-password");
        for (int i = 0; i < 10; i++) {
            if (!throttle.isKnownWrong(ADA, stale)) {
                throttle.failed(ADA, HERE, stale);
            }
        }

        assertThat(throttle.isKnownWrong(ADA, stale)).isTrue();
        assertThat(throttle.waitFor(ADA, HERE)).isZero();
        assertThat(throttle.isKnownWrong(ADA, CredentialDigest.of(ADA, "another"))).isFalse();
    }

    @Test
    void oneAddressTryingManyUsernamesIsMadeToWait() {
        for (int i = 0; i < 5; i++) {
            fail("user-" + i, HERE, 1);
        }

        assertThat(throttle.waitFor("someone-else", HERE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("someone-else", "10.0.0.2")).isZero();
    }

    @Test
    void aRightPasswordForgetsTheAddressFailures() {
        for (int i = 0; i < 4; i++) {
            fail("user-" + i, HERE, 1);
        }

        throttle.succeeded("grace", HERE);
        fail("user-9", HERE, 1);

        assertThat(throttle.waitFor("someone-else", HERE)).isZero();
    }

    @Test
    void failuresAreForgottenAWindowAfterTheLast() {
        fail(ADA, HERE, 2);
        clock.advance(Duration.ofSeconds(59));
        fail(ADA, HERE, 1);
        assertThat(throttle.waitFor(ADA, HERE)).as("within a window of the previous one").isPositive();

        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.waitFor(ADA, HERE)).isZero();
        clock.advance(Duration.ofMinutes(1));
        fail(ADA, HERE, 2);

        assertThat(throttle.waitFor(ADA, HERE)).as("counting starts again").isZero();
        assertThat(throttle.size()).isEqualTo(2);
    }

    @Test
    void aLongWaitIsRememberedForAWindowAfterItEnds() {
        fail(ADA, HERE, 3);
        clock.advance(Duration.ofMinutes(1));
        fail(ADA, HERE, 1);
        clock.advance(Duration.ofMinutes(2).plusSeconds(59));

        fail(ADA, HERE, 1);

        assertThat(throttle.waitFor(ADA, HERE)).as("doubled again, not forgotten").isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void theTablesStayWithinTheirCapacityAndKeepTheLongestWaits() {
        LoginThrottle small = new LoginThrottle(SETTINGS, clock, 3);
        for (int i = 0; i < 3; i++) {
            small.failed(ADA, "10.0.1." + i, CredentialDigest.of(ADA, "guess-" + i));
        }
        assertThat(small.waitFor(ADA, "10.0.2.1")).isEqualTo(Duration.ofMinutes(1));

        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            small.failed("made-up-" + i, "10.0.3." + i, CredentialDigest.of("made-up-" + i, "x"));
        }

        assertThat(small.size()).isLessThanOrEqualTo(6);
        assertThat(small.waitFor(ADA, "10.0.2.1")).as("ada's wait outlasts the made-up names")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aFullTableDropsEverythingForgottenBeforeTheSoonestToBeForgotten() {
        LoginThrottle small = new LoginThrottle(SETTINGS, clock, 3);
        small.failed("old-1", "10.0.0.1", CredentialDigest.of("old-1", "x"));
        small.failed("old-2", "10.0.0.2", CredentialDigest.of("old-2", "x"));
        clock.advance(Duration.ofMinutes(5));
        small.failed(ADA, "10.0.0.3", CredentialDigest.of(ADA, "x"));

        small.failed("grace", "10.0.0.4", CredentialDigest.of("grace", "x"));

        assertThat(small.size()).as("ada and grace, by username and by address").isEqualTo(4);
    }

    @Test
    void passwordsBeingCheckedTakeTheFailuresLeftBeforeTheWait() {
        fail(ADA, HERE, 1);
        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "a"))).isZero();
        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "b"))).isZero();

        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "c"))).isEqualTo(LoginThrottle.CHECKS_UNDER_WAY);

        throttle.abandoned(ADA, HERE, guess(ADA, "a"));
        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "c"))).isZero();
    }

    @Test
    void afterAWaitOnePasswordIsCheckedAtATime() {
        fail(ADA, HERE, 3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "a"))).isZero();

        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "b"))).isEqualTo(LoginThrottle.CHECKS_UNDER_WAY);

        throttle.failed(ADA, HERE, guess(ADA, "a"));
        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "b"))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theSameCredentialsCheckedInParallelTakeOnePlace() {
        fail(ADA, HERE, 2);
        for (int i = 0; i < 8; i++) {
            assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "right"))).as("request %d", i).isZero();
        }

        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "other"))).isEqualTo(LoginThrottle.CHECKS_UNDER_WAY);
    }

    @Test
    void withoutFailuresAsManyPasswordsAreCheckedAtOnceAsTheMaximum() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "guess-" + i))).isZero();
        }

        assertThat(throttle.tryCheck(ADA, HERE, guess(ADA, "guess-3"))).isEqualTo(LoginThrottle.CHECKS_UNDER_WAY);
        assertThat(throttle.tryCheck("grace", "10.0.0.2", guess("grace", "x"))).isZero();
    }

    @Test
    void aZeroMaximumNeverMakesThatKindWait() {
        LoginThrottle byAddressOnly = new LoginThrottle(
                new FailedLogins(0, 5, Duration.ofMinutes(1), Duration.ofMinutes(15)), clock);
        for (int i = 0; i < 4; i++) {
            byAddressOnly.failed(ADA, "10.0.0." + i, CredentialDigest.of(ADA, "guess-" + i));
        }

        assertThat(byAddressOnly.waitFor(ADA, "10.0.0.9")).isZero();
    }

    private static String guess(String username, String password) {
        return CredentialDigest.of(username, password);
    }

    /** {@code times} distinct wrong passwords. */
    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address, CredentialDigest.of(username, "guess-" + guesses++));
        }
    }
}

package app.rapport.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.CommandSideApplication;
import app.rapport.testsupport.MovableClock;
import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Password guessing against the running command side: after a few wrong passwords a username is
 * answered 429 with {@code Retry-After}, longer after each further failure, while other users and
 * a user already signed in go on working. Time moves on a test clock, not by sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {CommandSideApplication.class, PasswordGuessingTest.TestClock.class},
        properties = {
                "rapport.security.failed-logins.max-per-username=3",
                "rapport.security.failed-logins.max-per-address=8",
                "rapport.security.failed-logins.window=1m",
                "rapport.security.failed-logins.max-wait=15m"})
@ExtendWith(OutputCaptureExtension.class)
class PasswordGuessingTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    TestRestTemplate http;
    int guesses;

    /** Longer than the longest wait plus a window: every test starts with nothing counted and nothing cached. */
    @BeforeEach
    void forgetEverything() {
        CLOCK.advance(Duration.ofHours(1));
    }

    @Test
    void wrongPasswordsForOneUsernameAreRefusedWith429AndRetryAfter(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            assertThat(guess(TestUsers.CAROL).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<Map<String, Object>> refused = signIn(TestUsers.CAROL, TestUsers.passwordOf(TestUsers.CAROL));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody())
                .containsEntry("type", "/problems/too-many-login-failures")
                .containsEntry("status", 429);
        assertThat((String) refused.getBody().get("detail")).contains("try again in 60 seconds");
        assertThat(output.getOut()).containsOnlyOnce("Sign-ins as user 'carol' refused for 60 s")
                .doesNotContain("guess-");
    }

    @Test
    void anotherUserSignsInWhileOneIsThrottled() {
        for (int i = 0; i < 3; i++) {
            guess(TestUsers.CAROL);
        }

        assertThat(signIn(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theRightPasswordWorksAgainOnceTheWaitIsOver() {
        for (int i = 0; i < 3; i++) {
            guess(TestUsers.CAROL);
        }
        CLOCK.advance(Duration.ofSeconds(60));

        assertThat(signIn(TestUsers.CAROL, TestUsers.passwordOf(TestUsers.CAROL)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void guessesAtTheNameOfASignedInUserDoNotLockThemOut() {
        assertThat(signIn(TestUsers.BOB, TestUsers.passwordOf(TestUsers.BOB)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (int i = 0; i < 3; i++) {
            guess(TestUsers.BOB);
        }
        assertThat(guess(TestUsers.BOB).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(signIn(TestUsers.BOB, TestUsers.passwordOf(TestUsers.BOB)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void oneAddressGuessingAcrossUsernamesIsThrottled() {
        assertThat(signIn(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (int i = 0; i < 8; i++) {
            assertThat(guess("someone-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(signIn(TestUsers.MENTOR, TestUsers.passwordOf(TestUsers.MENTOR)).getStatusCode())
                .as("a user not yet signed in, from the same address").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(signIn(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO)).getStatusCode())
                .as("a user signed in before").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theSameWrongPasswordAgainIsNotAnotherGuess() {
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(TestUsers.ALICE, "last-years-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(signIn(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aClientGuessesAtMostNinePasswordsAnHourAndEachWaitDoublesUpToFifteenMinutes() {
        int checked = 0;
        int refusedInABurst = 0;
        for (int i = 0; i < 50; i++) {
            HttpStatus status = HttpStatus.valueOf(guess(TestUsers.ALICE).getStatusCode().value());
            if (status == HttpStatus.UNAUTHORIZED) {
                checked++;
            } else if (status == HttpStatus.TOO_MANY_REQUESTS) {
                refusedInABurst++;
            }
        }
        assertThat(checked).isEqualTo(3);
        assertThat(refusedInABurst).isEqualTo(47);

        List<Long> waits = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        while (elapsed.compareTo(Duration.ofHours(1)) < 0) {
            ResponseEntity<Map<String, Object>> answer = guess(TestUsers.ALICE);
            if (answer.getStatusCode() == HttpStatus.UNAUTHORIZED) {
                checked++;
            } else {
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                long wait = Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                waits.add(wait);
                CLOCK.advance(Duration.ofSeconds(wait));
                elapsed = elapsed.plusSeconds(wait);
            }
        }

        assertThat(checked).as("wrong passwords checked in an hour of guessing").isEqualTo(9);
        assertThat(waits).containsExactly(60L, 120L, 240L, 480L, 900L, 900L, 900L);
    }

    private ResponseEntity<Map<String, Object>> guess(String username) {
        return signIn(username, "guess-" + guesses++);
    }

    private ResponseEntity<Map<String, Object>> signIn(String username, String password) {
        return BasicAuthenticationTest.addContact(http.withBasicAuth(username, password), UUID.randomUUID());
    }
}

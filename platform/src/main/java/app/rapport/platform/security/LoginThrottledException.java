package app.rapport.platform.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked, because its username or address has had too many wrong passwords lately. */
class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins");
        this.wait = wait;
    }

    /** Whole seconds until the password may be checked again, rounded up, as {@code Retry-After} wants them. */
    long retryAfterSeconds() {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}

package app.rapport.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import app.rapport.platform.PlatformProperties.FailedLogins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts wrong passwords per username and per client address, and says how long a sign-in must
 * wait before its password may be checked. Unknown usernames are counted like known ones, so a
 * wait reveals nothing about which usernames exist.
 * <p>
 * Checks under way count against the limit: at most as many different passwords are checked at
 * once as failures are left before the wait, and one at a time after a wait. Otherwise clients
 * guessing in parallel would each get a check past the limit, and the rate would grow with their
 * number. The same credentials in parallel (one client's concurrent requests) take one place.
 * <p>
 * Both tables are bounded: entries are forgotten {@code window} after their last failure or wait,
 * and a full table first drops what is forgotten, then the entry closest to being forgotten, so
 * made-up usernames sent to fill it push out each other rather than a long wait on a real one.
 * One lock guards both; it is held for map lookups only, never while a password is checked.
 */
final class LoginThrottle {

    static final int MAX_ENTRIES = 10_000;
    /** Distinct wrong passwords remembered per username; past it they are still counted, only a repeat counts again. */
    static final int MAX_GUESSES_REMEMBERED = 100;
    /** The wait of a sign-in that found the checks left to it under way: about as long as they take. */
    static final Duration CHECKS_UNDER_WAY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final FailedLogins settings;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Failures> byUsername = new HashMap<>();
    private final Map<String, Failures> byAddress = new HashMap<>();

    LoginThrottle(FailedLogins settings, Clock clock) {
        this(settings, clock, MAX_ENTRIES);
    }

    LoginThrottle(FailedLogins settings, Clock clock, int capacity) {
        this.settings = settings;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** The wrong passwords of one username or from one address, and the wait they have earned. */
    private static final class Failures {
        int count;
        /** Credentials being checked now, by {@link CredentialDigest}, with how many requests check each. */
        final Map<String, Integer> checking = new HashMap<>();
        Instant waitUntil = Instant.MIN;
        Instant forgetAt;
        final Set<String> guesses = new HashSet<>();

        Failures(Instant forgetAt) {
            this.forgetAt = forgetAt;
        }

        /** Whether these credentials may be checked beside those being checked now. */
        boolean hasRoomFor(String credentials, int max) {
            return max == 0 || checking.containsKey(credentials)
                    || count + checking.size() < Math.max(max, count + 1);
        }

        void startCheck(String credentials) {
            checking.merge(credentials, 1, Integer::sum);
        }

        void endCheck(String credentials) {
            checking.computeIfPresent(credentials, (key, requests) -> requests > 1 ? requests - 1 : null);
        }

        boolean isForgottenAt(Instant now) {
            return !now.isBefore(forgetAt);
        }

        Duration waitLeftAt(Instant now) {
            return now.isBefore(waitUntil) ? Duration.between(now, waitUntil) : Duration.ZERO;
        }
    }

    /** How long a sign-in as this username from this address must wait; zero if its password may be checked now. */
    synchronized Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration forUsername = waitLeft(byUsername, username, now);
        Duration forAddress = waitLeft(byAddress, address, now);
        return forUsername.compareTo(forAddress) >= 0 ? forUsername : forAddress;
    }

    /**
     * Asks to check a password: zero, and the check is under way until {@link #failed},
     * {@link #succeeded} or {@link #abandoned} ends it; otherwise how long to wait first.
     */
    synchronized Duration tryCheck(String username, String address, String credentials) {
        Duration wait = waitFor(username, address);
        if (!wait.isZero()) {
            return wait;
        }
        Instant now = clock.instant();
        Failures ofUsername = liveOrNew(byUsername, username, now);
        Failures ofAddress = liveOrNew(byAddress, address, now);
        if (!ofUsername.hasRoomFor(credentials, settings.maxPerUsername())
                || !ofAddress.hasRoomFor(credentials, settings.maxPerAddress())) {
            return CHECKS_UNDER_WAY;
        }
        ofUsername.startCheck(credentials);
        ofAddress.startCheck(credentials);
        return Duration.ZERO;
    }

    /** Whether this wrong password (by its {@link CredentialDigest}) was counted already for its username. */
    synchronized boolean isKnownWrong(String username, String credentials) {
        Failures failures = live(byUsername, username, clock.instant());
        return failures != null && failures.guesses.contains(credentials);
    }

    synchronized void failed(String username, String address, String credentials) {
        Instant now = clock.instant();
        endCheck(username, address, credentials);
        Failures ofUsername = liveOrNew(byUsername, username, now);
        if (ofUsername.guesses.contains(credentials)) {
            return;
        }
        if (ofUsername.guesses.size() < MAX_GUESSES_REMEMBERED) {
            ofUsername.guesses.add(credentials);
        }
        if (count(ofUsername, settings.maxPerUsername(), now)) {
            log.warn("Sign-ins as user '{}' refused for {} s after {} wrong passwords (the last from {})",
                    username, ofUsername.waitLeftAt(now).toSeconds(), ofUsername.count, address);
        }
        Failures ofAddress = liveOrNew(byAddress, address, now);
        if (count(ofAddress, settings.maxPerAddress(), now)) {
            log.warn("Sign-ins from {} refused for {} s after {} wrong passwords (the last as user '{}')",
                    address, ofAddress.waitLeftAt(now).toSeconds(), ofAddress.count, username);
        }
    }

    /** A right password: its username and address start again with no failures. */
    synchronized void succeeded(String username, String address) {
        byUsername.remove(username);
        byAddress.remove(address);
    }

    /** A check that ended without saying whether the password was right. */
    synchronized void abandoned(String username, String address, String credentials) {
        endCheck(username, address, credentials);
    }

    private void endCheck(String username, String address, String credentials) {
        for (Failures failures : new Failures[] {byUsername.get(username), byAddress.get(address)}) {
            if (failures != null) {
                failures.endCheck(credentials);
            }
        }
    }

    /** Counts one failure; true when it starts a wait or makes it longer. */
    private boolean count(Failures failures, int max, Instant now) {
        failures.count++;
        boolean waits = max > 0 && failures.count >= max;
        if (waits) {
            failures.waitUntil = now.plus(waitAfter(failures.count - max));
        }
        Instant lastEvent = failures.waitUntil.isAfter(now) ? failures.waitUntil : now;
        failures.forgetAt = lastEvent.plus(settings.window());
        return waits;
    }

    /** {@code window}, doubled for each failure past the limit, up to {@code maxWait}. */
    private Duration waitAfter(int failuresPastTheLimit) {
        Duration wait = settings.window();
        for (int i = 0; i < failuresPastTheLimit && wait.compareTo(settings.maxWait()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxWait()) < 0 ? wait : settings.maxWait();
    }

    private Duration waitLeft(Map<String, Failures> table, String key, Instant now) {
        Failures failures = live(table, key, now);
        return failures == null ? Duration.ZERO : failures.waitLeftAt(now);
    }

    private static Failures live(Map<String, Failures> table, String key, Instant now) {
        Failures failures = table.get(key);
        if (failures != null && failures.isForgottenAt(now)) {
            table.remove(key);
            return null;
        }
        return failures;
    }

    private Failures liveOrNew(Map<String, Failures> table, String key, Instant now) {
        Failures failures = live(table, key, now);
        if (failures == null) {
            makeRoom(table, now);
            failures = new Failures(now.plus(settings.window()));
            table.put(key, failures);
        }
        return failures;
    }

    private void makeRoom(Map<String, Failures> table, Instant now) {
        if (table.size() < capacity) {
            return;
        }
        table.values().removeIf(failures -> failures.isForgottenAt(now));
        while (table.size() >= capacity && !table.isEmpty()) {
            table.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, Failures> entry) -> entry.getValue().forgetAt))
                    .ifPresent(soonest -> table.remove(soonest.getKey()));
        }
    }

    /** Entries held, for tests of the bound. */
    synchronized int size() {
        return byUsername.size() + byAddress.size();
    }
}

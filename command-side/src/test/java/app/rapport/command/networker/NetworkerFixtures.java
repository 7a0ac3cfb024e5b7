package app.rapport.command.networker;

import app.rapport.command.RuleViolation;
import app.rapport.commands.networker.CreateCalendarFeed;
import app.rapport.commands.networker.GrantMentorAccess;
import app.rapport.commands.networker.RevokeCalendarFeed;
import app.rapport.commands.networker.RevokeMentorAccess;
import app.rapport.commands.networker.SetProfile;
import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.ProfileSet;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/** Named test data for the networker's fixture: one student and her career advisor. */
final class NetworkerFixtures {

    static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant EARLIER = NOW.minus(Duration.ofDays(3));
    static final Instant TOO_LATE = NOW.plus(Duration.ofMinutes(6));

    static final String ADA = "ada";
    static final String ADVISOR = "grace";
    static final List<String> INTERESTS = List.of("data engineering", "public health");
    /** The hashes of two feed tokens: the one Ada has and the one that replaces it. */
    static final String FEED_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String NEW_FEED_HASH = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private NetworkerFixtures() {
    }

    static AggregateTestFixture<Networker> networkerFixture() {
        AggregateTestFixture<Networker> fixture = new AggregateTestFixture<>(Networker.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    /** Matches a refusal by its rule slug, the part of it that clients rely on. */
    static Matcher<Object> violating(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "a rule violation of", "rule") {
            @Override
            protected String featureValueOf(Object actual) {
                return actual instanceof RuleViolation violation ? violation.rule() : null;
            }
        };
    }

    static SetProfile setProfile() {
        return new SetProfile(ADA, "Ada L.", "Northfield College", "Statistics", INTERESTS, NOW);
    }

    static ProfileSet profileSet() {
        return new ProfileSet(ADA, "Ada L.", "Northfield College", "Statistics", INTERESTS, EARLIER);
    }

    static GrantMentorAccess grantAdvisor() {
        return new GrantMentorAccess(ADA, ADVISOR, NOW);
    }

    static MentorAccessGranted advisorGranted() {
        return new MentorAccessGranted(ADA, ADVISOR, EARLIER);
    }

    static RevokeMentorAccess revokeAdvisor() {
        return new RevokeMentorAccess(ADA, ADVISOR, NOW);
    }

    static CreateCalendarFeed createFeed(String tokenHash) {
        return new CreateCalendarFeed(ADA, tokenHash, NOW);
    }

    static CalendarFeedCreated feedCreated() {
        return new CalendarFeedCreated(ADA, FEED_HASH, EARLIER);
    }

    static RevokeCalendarFeed revokeFeed() {
        return new RevokeCalendarFeed(ADA, NOW);
    }
}

package app.rapport.command.networker;

import app.rapport.commands.networker.CreateCalendarFeed;
import app.rapport.commands.networker.GrantMentorAccess;
import app.rapport.commands.networker.RevokeCalendarFeed;
import app.rapport.commands.networker.RevokeMentorAccess;
import app.rapport.commands.networker.SetProfile;
import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.CalendarFeedRevoked;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import app.rapport.events.networker.ProfileSet;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.rapport.command.networker.NetworkerFixtures.ADA;
import static app.rapport.command.networker.NetworkerFixtures.ADVISOR;
import static app.rapport.command.networker.NetworkerFixtures.EARLIER;
import static app.rapport.command.networker.NetworkerFixtures.FEED_HASH;
import static app.rapport.command.networker.NetworkerFixtures.NEW_FEED_HASH;
import static app.rapport.command.networker.NetworkerFixtures.INTERESTS;
import static app.rapport.command.networker.NetworkerFixtures.NOW;
import static app.rapport.command.networker.NetworkerFixtures.TOO_LATE;
import static app.rapport.command.networker.NetworkerFixtures.advisorGranted;
import static app.rapport.command.networker.NetworkerFixtures.createFeed;
import static app.rapport.command.networker.NetworkerFixtures.feedCreated;
import static app.rapport.command.networker.NetworkerFixtures.grantAdvisor;
import static app.rapport.command.networker.NetworkerFixtures.networkerFixture;
import static app.rapport.command.networker.NetworkerFixtures.profileSet;
import static app.rapport.command.networker.NetworkerFixtures.revokeFeed;
import static app.rapport.command.networker.NetworkerFixtures.revokeAdvisor;
import static app.rapport.command.networker.NetworkerFixtures.setProfile;
import static app.rapport.command.networker.NetworkerFixtures.violating;

class NetworkerTest {

    private final AggregateTestFixture<Networker> fixture = networkerFixture();

    @Test
    void setProfile_recordsTheProfile_asTheNetworkersFirstFact() {
        fixture.givenNoPriorActivity()
                .when(setProfile())
                .expectEvents(new ProfileSet(ADA, "Ada L.", "Northfield College", "Statistics", INTERESTS, NOW));
    }

    @Test
    void setProfile_recordsTheNewProfile_whenItChanges() {
        fixture.given(profileSet())
                .when(new SetProfile(ADA, "Ada Lovelace", "Northfield College", "Data Science", List.of(), NOW))
                .expectEvents(new ProfileSet(ADA, "Ada Lovelace", "Northfield College", "Data Science", List.of(), NOW));
    }

    @Test
    void setProfile_isAcceptedWithoutNewEvent_whenTheProfileIsAlreadySo() {
        fixture.given(profileSet())
                .when(setProfile())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void setProfile_isRefused_whenTheDisplayNameIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new SetProfile(ADA, " ", null, null, null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void setProfile_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.givenNoPriorActivity()
                .when(new SetProfile(ADA, "Ada L.", null, null, null, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void grantMentorAccess_recordsTheGrant_asTheNetworkersFirstFact() {
        fixture.givenNoPriorActivity()
                .when(grantAdvisor())
                .expectEvents(new MentorAccessGranted(ADA, ADVISOR, NOW));
    }

    @Test
    void grantMentorAccess_recordsTheGrant_whenAProfileExists() {
        fixture.given(profileSet())
                .when(grantAdvisor())
                .expectEvents(new MentorAccessGranted(ADA, ADVISOR, NOW));
    }

    @Test
    void grantMentorAccess_isAcceptedWithoutNewEvent_whenTheGrantStands() {
        fixture.given(advisorGranted())
                .when(grantAdvisor())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void grantMentorAccess_recordsANewGrant_whenAnEarlierOneWasRevoked() {
        fixture.given(advisorGranted(), new MentorAccessRevoked(ADA, ADVISOR, EARLIER))
                .when(grantAdvisor())
                .expectEvents(new MentorAccessGranted(ADA, ADVISOR, NOW));
    }

    @Test
    void grantMentorAccess_isRefused_whenTheMentorIsTheNetworkerThemself() {
        fixture.givenNoPriorActivity()
                .when(new GrantMentorAccess(ADA, ADA, NOW))
                .expectException(violating("mentor-is-self"));
    }

    @Test
    void grantMentorAccess_isRefused_whenTheMentorIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new GrantMentorAccess(ADA, "", NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void grantMentorAccess_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.givenNoPriorActivity()
                .when(new GrantMentorAccess(ADA, ADVISOR, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void revokeMentorAccess_recordsTheRevocation_whenTheGrantStands() {
        fixture.given(advisorGranted())
                .when(revokeAdvisor())
                .expectEvents(new MentorAccessRevoked(ADA, ADVISOR, NOW));
    }

    @Test
    void revokeMentorAccess_isAcceptedWithoutNewEvent_whenThereIsNoGrant() {
        fixture.given(profileSet())
                .when(revokeAdvisor())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokeMentorAccess_isAcceptedWithoutNewEvent_whenTheNetworkerHasNoHistory() {
        fixture.givenNoPriorActivity()
                .when(revokeAdvisor())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokeMentorAccess_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.given(advisorGranted())
                .when(new RevokeMentorAccess(ADA, ADVISOR, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void createCalendarFeed_recordsTheTokensHash_asTheNetworkersFirstFact() {
        fixture.givenNoPriorActivity()
                .when(createFeed(FEED_HASH))
                .expectEvents(new CalendarFeedCreated(ADA, FEED_HASH, NOW));
    }

    @Test
    void createCalendarFeed_recordsANewFeed_whenOneIsOpen_soTheNewTokenReplacesTheOld() {
        fixture.given(profileSet(), feedCreated())
                .when(createFeed(NEW_FEED_HASH))
                .expectEvents(new CalendarFeedCreated(ADA, NEW_FEED_HASH, NOW));
    }

    @Test
    void createCalendarFeed_isAcceptedWithoutNewEvent_whenTheSameTokenIsSentAgain() {
        fixture.given(feedCreated())
                .when(createFeed(FEED_HASH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void createCalendarFeed_recordsTheFeedAgain_whenItsTokenWasRevoked() {
        fixture.given(feedCreated(), new CalendarFeedRevoked(ADA, EARLIER))
                .when(createFeed(FEED_HASH))
                .expectEvents(new CalendarFeedCreated(ADA, FEED_HASH, NOW));
    }

    @Test
    void createCalendarFeed_isRefused_whenTheTokensHashIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new CreateCalendarFeed(ADA, null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void createCalendarFeed_isRefused_whenGivenSomethingOtherThanAHash_suchAsTheTokenItself() {
        fixture.givenNoPriorActivity()
                .when(new CreateCalendarFeed(ADA, "q8G3m1t0kZpW7xY2aB4cD6eF8gH0iJ2kL4mN6oP8qR0", NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void createCalendarFeed_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.givenNoPriorActivity()
                .when(new CreateCalendarFeed(ADA, FEED_HASH, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void revokeCalendarFeed_recordsTheRevocation_whenAFeedIsOpen() {
        fixture.given(feedCreated())
                .when(revokeFeed())
                .expectEvents(new CalendarFeedRevoked(ADA, NOW));
    }

    @Test
    void revokeCalendarFeed_isAcceptedWithoutNewEvent_whenTheFeedWasRevokedAlready() {
        fixture.given(feedCreated(), new CalendarFeedRevoked(ADA, EARLIER))
                .when(revokeFeed())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokeCalendarFeed_isAcceptedWithoutNewEvent_whenTheNetworkerHasNoHistory() {
        fixture.givenNoPriorActivity()
                .when(revokeFeed())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokeCalendarFeed_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.given(feedCreated())
                .when(new RevokeCalendarFeed(ADA, TOO_LATE))
                .expectException(violating("at-in-future"));
    }
}

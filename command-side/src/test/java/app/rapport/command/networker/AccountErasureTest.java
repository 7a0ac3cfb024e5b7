package app.rapport.command.networker;

import app.rapport.command.ErasuresInMemory;
import app.rapport.command.StringsHeld;
import app.rapport.commands.networker.EraseAccount;
import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.CalendarFeedRevoked;
import app.rapport.platform.privacy.Erasures.ErasedSubject;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static app.rapport.command.networker.NetworkerFixtures.ADA;
import static app.rapport.command.networker.NetworkerFixtures.ADVISOR;
import static app.rapport.command.networker.NetworkerFixtures.CLOCK;
import static app.rapport.command.networker.NetworkerFixtures.NEW_FEED_HASH;
import static app.rapport.command.networker.NetworkerFixtures.NOW;
import static app.rapport.command.networker.NetworkerFixtures.TOO_LATE;
import static app.rapport.command.networker.NetworkerFixtures.advisorGranted;
import static app.rapport.command.networker.NetworkerFixtures.createFeed;
import static app.rapport.command.networker.NetworkerFixtures.feedCreated;
import static app.rapport.command.networker.NetworkerFixtures.grantAdvisor;
import static app.rapport.command.networker.NetworkerFixtures.networkerFixture;
import static app.rapport.command.networker.NetworkerFixtures.profileSet;
import static app.rapport.command.networker.NetworkerFixtures.revokeAdvisor;
import static app.rapport.command.networker.NetworkerFixtures.revokeFeed;
import static app.rapport.command.networker.NetworkerFixtures.setProfile;
import static app.rapport.command.networker.NetworkerFixtures.violating;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a networker's account: {@link AccountErasure} lets the networker decide and deletes
 * their key; an erased account's profile, grants and feed cannot be set again.
 */
class AccountErasureTest {

    private final AggregateTestFixture<Networker> fixture = networkerFixture();
    private final ErasuresInMemory keys = new ErasuresInMemory();

    @BeforeEach
    void erasureHandler() {
        fixture.registerAnnotatedCommandHandler(new AccountErasure(fixture.getRepository(), keys, CLOCK));
    }

    static EraseAccount eraseAccount() {
        return new EraseAccount(ADA, NOW);
    }

    static AccountErased accountErased() {
        return new AccountErased(ADA, NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void eraseAccount_recordsAccountErased() {
        fixture.given(profileSet(), advisorGranted())
                .when(eraseAccount())
                .expectEvents(new AccountErased(ADA, NOW));
    }

    @Test
    void eraseAccount_deletesTheNetworkersKey() {
        fixture.given(profileSet())
                .when(eraseAccount())
                .expectSuccessfulHandlerExecution();

        assertThat(keys.erased()).containsExactly(new ErasedSubject(null, ADA, NOW));
    }

    @Test
    void eraseAccount_recordsAccountErased_forANetworkerWhoRecordedNothingYet() {
        fixture.givenNoPriorActivity()
                .when(eraseAccount())
                .expectEvents(new AccountErased(ADA, NOW));
    }

    @Test
    void eraseAccount_closesTheCalendarFeedFirst() {
        fixture.given(profileSet(), feedCreated())
                .when(eraseAccount())
                .expectEvents(new CalendarFeedRevoked(ADA, NOW), new AccountErased(ADA, NOW));
    }

    @Test
    void eraseAccount_isAcceptedWithoutNewEvent_whenTheAccountIsErasedAlready() {
        fixture.given(profileSet(), accountErased())
                .when(eraseAccount())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void eraseAccount_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.given(profileSet())
                .when(new EraseAccount(ADA, TOO_LATE))
                .expectException(violating("at-in-future"))
                .expectNoEvents();

        assertThat(keys.erased()).isEmpty();
    }

    @Test
    void setProfile_isRefused_afterTheAccountWasErased() {
        fixture.given(profileSet(), accountErased())
                .when(setProfile())
                .expectException(violating("account-erased"))
                .expectNoEvents();
    }

    @Test
    void grantMentorAccess_isRefused_afterTheAccountWasErased() {
        fixture.given(advisorGranted(), accountErased())
                .when(grantAdvisor())
                .expectException(violating("account-erased"))
                .expectNoEvents();
    }

    @Test
    void createCalendarFeed_isRefused_afterTheAccountWasErased() {
        fixture.given(feedCreated(), accountErased())
                .when(createFeed(NEW_FEED_HASH))
                .expectException(violating("account-erased"))
                .expectNoEvents();
    }

    // the erasure ended the grant: there is nothing left to revoke
    @Test
    void revokeMentorAccess_isAcceptedWithoutNewEvent_afterTheAccountWasErased() {
        fixture.given(advisorGranted(), accountErased())
                .when(revokeAdvisor())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokeCalendarFeed_isAcceptedWithoutNewEvent_afterTheAccountWasErased() {
        fixture.given(feedCreated(), accountErased())
                .when(revokeFeed())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void erasure_leavesNoPersonalDataInTheNetworker() {
        fixture.given(profileSet(), advisorGranted())
                .when(eraseAccount())
                .expectState(networker -> assertThat(StringsHeld.by(networker))
                        .doesNotContain("Ada L.", "Northfield College", "Statistics", "data engineering", ADVISOR));
    }
}

package app.rapport.command.contact;

import app.rapport.commands.contact.AskAboutOpenings;
import app.rapport.commands.contact.LogFollowUp;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOWED_UP_AT;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.THANKED_AT;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.followUpLogged;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.logFollowUp;
import static app.rapport.command.contact.ContactFixtures.thanked;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;

/** Staying in touch after the interview, and when asking about work becomes fair. */
class RelationshipTest {

    private static final String NOTE = "is your team hiring this summer?";

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    private static AskAboutOpenings askAboutOpenings(boolean acknowledgeEarly) {
        return new AskAboutOpenings(CONTACT_ID, OWNER, null, NOTE, acknowledgeEarly, NOW);
    }

    @Test
    void logFollowUp_recordsKindChannelAndNote() {
        fixture.given(contactAdded())
                .when(logFollowUp())
                .expectEvents(followUpLogged(NOW));
    }

    @Test
    void logFollowUp_isAcceptedWithoutNewEvent_whenRetriedIdentically() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT))
                .when(logFollowUp())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void logFollowUp_isRefusedAsIdReused_whenTheIdIsRetriedWithAnotherKind() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT))
                .when(new LogFollowUp(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.CONGRATULATIONS, Channel.EMAIL,
                        logFollowUp().note(), NOW))
                .expectException(violating("id-reused"));
    }

    @Test
    void logFollowUp_isRefused_whenTheKindIsMissing() {
        fixture.given(contactAdded())
                .when(new LogFollowUp(CONTACT_ID, OWNER, FOLLOW_UP_ID, null, Channel.EMAIL, null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void askAboutOpenings_isRecordedAsOnTime_whenTheRelationshipIsEstablished() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT)))
                .when(askAboutOpenings(false))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, null, NOTE, false, NOW));
    }

    @Test
    void askAboutOpenings_isRecordedAsOnTime_whenAcknowledgedEarlyButAlreadyEstablished() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT)))
                .when(askAboutOpenings(true))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, null, NOTE, false, NOW));
    }

    @Test
    void askAboutOpenings_isRefused_whenNoInterviewWasHeld() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheHeldInterviewWasNotThankedFor() {
        fixture.given(with(held(), followUpLogged(FOLLOWED_UP_AT)))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRefused_whenNoFollowUpCameAfterTheThankYou() {
        fixture.given(thanked())
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheOnlyFollowUpIsDatedTheMomentOfTheThankYou() {
        fixture.given(with(thanked(), followUpLogged(THANKED_AT)))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheOnlyFollowUpCameBeforeTheThankYou() {
        fixture.given(with(thanked(), followUpLogged(MEETING_AT.minusSeconds(3600))))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRecordedAsEarly_whenAcknowledgedBeforeTheRelationshipIsEstablished() {
        fixture.given(contactAdded())
                .when(askAboutOpenings(true))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, null, NOTE, true, NOW));
    }

    @Test
    void askAboutOpenings_mayBeRepeated_eachInquiryBeingItsOwnFact() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT),
                        new JobInquiryMade(CONTACT_ID, OWNER, null, NOTE, false, FOLLOWED_UP_AT)))
                .when(askAboutOpenings(false))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, null, NOTE, false, NOW));
    }
}

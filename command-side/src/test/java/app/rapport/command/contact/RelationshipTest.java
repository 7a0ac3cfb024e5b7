package app.rapport.command.contact;

import app.rapport.commands.contact.AskAboutOpenings;
import app.rapport.commands.contact.LogFollowUp;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOWED_UP_AT;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.INQUIRY_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REASON;
import static app.rapport.command.contact.ContactFixtures.THANKED_AT;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.followUpLogged;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.idOf;
import static app.rapport.command.contact.ContactFixtures.logFollowUp;
import static app.rapport.command.contact.ContactFixtures.thanked;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.hamcrest.Matchers.containsString;

/** Staying in touch after the interview, and when asking about work becomes fair. */
class RelationshipTest {

    private static final String NOTE = "is your team hiring this summer?";
    private static final UUID OTHER_INQUIRY_ID = UUID.fromString("a0000000-0000-4000-8000-000000000002");

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    private static AskAboutOpenings askAboutOpenings(boolean acknowledgeEarly) {
        return new AskAboutOpenings(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, acknowledgeEarly, NOW);
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
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, false, NOW));
    }

    @Test
    void askAboutOpenings_isRecordedAsOnTime_whenAcknowledgedEarlyButAlreadyEstablished() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT)))
                .when(askAboutOpenings(true))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, false, NOW));
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
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, true, NOW));
    }

    @Test
    void askAboutOpenings_mayBeRepeatedUnderANewId_eachInquiryBeingItsOwnFact() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT),
                        new JobInquiryMade(CONTACT_ID, OWNER, OTHER_INQUIRY_ID, NOTE, false, FOLLOWED_UP_AT)))
                .when(askAboutOpenings(false))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, false, NOW));
    }

    @Test
    void askAboutOpenings_isRecordedAsANewInquiry_whenTheEarlierOneHasNoIdOfItsOwn() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT),
                        new JobInquiryMade(CONTACT_ID, OWNER, null, NOTE, false, FOLLOWED_UP_AT)))
                .when(askAboutOpenings(false))
                .expectEvents(new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, false, NOW));
    }

    @Test
    void askAboutOpenings_isAcceptedWithoutNewEvent_whenRetriedIdentically() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT),
                        new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, false, FOLLOWED_UP_AT)))
                .when(askAboutOpenings(false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void askAboutOpenings_isAcceptedWithoutNewEvent_whenAnEarlyInquiryIsRetriedIdentically() {
        fixture.given(contactAdded(), new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, true, FOLLOWED_UP_AT))
                .when(askAboutOpenings(true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void askAboutOpenings_isAcceptedWithoutNewEvent_whenRetriedAfterItWasRetracted() {
        fixture.given(contactAdded(), new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, true, FOLLOWED_UP_AT));
        fixture.andGiven(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, JobInquiryMade.class), "JobInquiryMade",
                        null, null, REASON, NOW))
                .when(askAboutOpenings(true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void askAboutOpenings_isRefusedAsIdReused_whenTheIdIsRetriedWithAnotherNote() {
        fixture.given(contactAdded(), new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, true, FOLLOWED_UP_AT))
                .when(new AskAboutOpenings(CONTACT_ID, OWNER, INQUIRY_ID, "something else", true, NOW))
                .expectException(violating("id-reused"))
                .expectNoEvents();
    }

    @Test
    void askAboutOpenings_isRefusedAsIdReused_whenAnEarlyInquiryIsRetriedWithoutTheAcknowledgement() {
        fixture.given(contactAdded(), new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, true, FOLLOWED_UP_AT))
                .when(askAboutOpenings(false))
                .expectException(violating("id-reused"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheInquiryIdIsMissing() {
        fixture.given(contactAdded())
                .when(new AskAboutOpenings(CONTACT_ID, OWNER, null, NOTE, true, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void askAboutOpenings_isRefused_whenDatedBeforeTheContactWasAdded() {
        fixture.given(contactAdded())
                .when(new AskAboutOpenings(CONTACT_ID, OWNER, INQUIRY_ID, NOTE, true, ADDED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the contact was added"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheOnlyFollowUpAfterTheThankYouWasRetracted() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT)));
        fixture.andGiven(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, FollowUpLogged.class), "FollowUpLogged",
                        null, FOLLOW_UP_ID, REASON, NOW))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheThankYouWasRetracted() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT)));
        fixture.andGiven(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, ThankYouSent.class), "ThankYouSent",
                        INTERVIEW_ID, null, REASON, NOW))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void askAboutOpenings_isRefused_whenTheFollowUpWasCorrectedToBeforeTheThankYou() {
        fixture.given(with(thanked(), followUpLogged(FOLLOWED_UP_AT)));
        fixture.andGiven(new EntryCorrected(CONTACT_ID, OWNER, idOf(fixture, FollowUpLogged.class), "FollowUpLogged",
                        null, FOLLOW_UP_ID, new EntryChanges(THANKED_AT.minusSeconds(60), null, null, null, null, null),
                        REASON, NOW))
                .when(askAboutOpenings(false))
                .expectException(violating("relationship-not-established"));
    }

    @Test
    void logFollowUp_isRefused_whenDatedBeforeTheContactWasAdded() {
        fixture.given(contactAdded())
                .when(new LogFollowUp(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.CHECK_IN, Channel.EMAIL, null,
                        ADDED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the contact was added"));
    }

    @Test
    void logFollowUp_isAccepted_whenDatedTheMomentTheContactWasAdded() {
        fixture.given(contactAdded())
                .when(new LogFollowUp(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.CHECK_IN, Channel.EMAIL, null,
                        ADDED_AT))
                .expectSuccessfulHandlerExecution();
    }
}

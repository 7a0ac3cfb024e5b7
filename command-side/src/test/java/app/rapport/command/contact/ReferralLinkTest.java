package app.rapport.command.contact;

import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.LinkReferral;
import app.rapport.events.contact.ReferralLinked;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.values.EntryChanges;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.JUST_AHEAD;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REFERRED_ID;
import static app.rapport.command.contact.ContactFixtures.SAM;
import static app.rapport.command.contact.ContactFixtures.STRANGER;
import static app.rapport.command.contact.ContactFixtures.TOO_LATE;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactArchived;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.idOf;
import static app.rapport.command.contact.ContactFixtures.violating;

/** LinkReferral: a referral to someone already in the journal, recorded on the referrer. */
class ReferralLinkTest {

    /** A contact of ada's journal other than the referrer. */
    static final UUID EXISTING_ID = UUID.fromString("c0000000-0000-4000-8000-000000000003");
    /** A contact of mallory's journal. */
    static final UUID STRANGERS_ID = UUID.fromString("c0000000-0000-4000-8000-000000000004");

    /** ada's journal holds the referrer and the existing contact; mallory's, the stranger's contact. */
    static final ContactDirectory DIRECTORY = (owner, contact) ->
            OWNER.equals(owner) && (CONTACT_ID.equals(contact) || EXISTING_ID.equals(contact))
                    || STRANGER.equals(owner) && STRANGERS_ID.equals(contact);

    private final AggregateTestFixture<Contact> fixture = fixture();

    private static AggregateTestFixture<Contact> fixture() {
        AggregateTestFixture<Contact> fixture = contactFixture();
        fixture.registerInjectableResource(DIRECTORY);
        return fixture;
    }

    private static ReferralLinked linked() {
        return new ReferralLinked(CONTACT_ID, OWNER, EXISTING_ID, NOW);
    }

    @Test
    void linkReferral_recordsTheReferralToAnExistingContactOnTheReferrer() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, NOW))
                .expectEvents(linked());
    }

    @Test
    void linkReferral_mayBeDatedInThePast_whenTheReferralWasMadeBeforeItWasLogged() {
        var earlier = NOW.minus(Duration.ofDays(3));

        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, earlier))
                .expectEvents(new ReferralLinked(CONTACT_ID, OWNER, EXISTING_ID, earlier));
    }

    @Test
    void linkReferral_isAcceptedWithoutANewEvent_whenTheSameReferralWasLinkedBefore() {
        fixture.given(contactAdded(), linked())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, NOW.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void linkReferral_isAcceptedWithoutANewEvent_whenTheReferralCreatedThatContact() {
        fixture.given(contactAdded(), new ReferralReceived(CONTACT_ID, OWNER, REFERRED_ID, SAM.name(), NOW))
                .when(new LinkReferral(CONTACT_ID, OWNER, REFERRED_ID, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void linkReferral_isRefusedAsReferralToSelf_whenTheReferredContactIsTheReferrer() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, CONTACT_ID, NOW))
                .expectException(violating("referral-to-self"))
                .expectNoEvents();
    }

    @Test
    void linkReferral_isNotFound_whenTheReferredContactIsAnotherNetworkers() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, STRANGERS_ID, NOW))
                .expectException(ContactNotFound.class)
                .expectExceptionMessage(Matchers.containsString(STRANGERS_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void linkReferral_isNotFound_whenTheReferredContactDoesNotExist() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, UUID.randomUUID(), NOW))
                .expectException(ContactNotFound.class)
                .expectNoEvents();
    }

    @Test
    void linkReferral_isNotFound_whenTheReferrerIsAnotherNetworkers() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, STRANGER, STRANGERS_ID, NOW))
                .expectException(ContactNotFound.class)
                .expectExceptionMessage(Matchers.containsString(CONTACT_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void linkReferral_isRefused_whenTheReferredContactIsMissing() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void linkReferral_isRefused_whenTheReferrerIsArchived() {
        fixture.given(contactAdded(), contactArchived())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, NOW))
                .expectException(violating("contact-archived"));
    }

    @Test
    void linkReferral_isRefused_whenDatedBeforeTheReferrerWasAdded() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, ADDED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void linkReferral_isAccepted_atTheEdgeOfTheAllowedClockSkew() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, JUST_AHEAD))
                .expectEvents(new ReferralLinked(CONTACT_ID, OWNER, EXISTING_ID, JUST_AHEAD));
    }

    @Test
    void linkReferral_isRefused_whenDatedTooFarAhead() {
        fixture.given(contactAdded())
                .when(new LinkReferral(CONTACT_ID, OWNER, EXISTING_ID, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void linkedReferral_cannotBeCorrected() {
        fixture.given(contactAdded(), linked());
        String link = idOf(fixture, ReferralLinked.class);

        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, link, new EntryChanges(NOW, null, null, null, null, null),
                        "wrong day", NOW))
                .expectException(violating("not-correctable"));
    }
}

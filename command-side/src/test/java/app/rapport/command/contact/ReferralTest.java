package app.rapport.command.contact;

import app.rapport.commands.contact.ReferContact;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.LIN;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REFERRED_ID;
import static app.rapport.command.contact.ContactFixtures.SAM;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.violating;

class ReferralTest {

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    private static final ReferralReceived SAM_REFERRED =
            new ReferralReceived(CONTACT_ID, OWNER, REFERRED_ID, SAM.name(), NOW.minusSeconds(60));

    @Test
    void referContact_recordsTheReferralAndAddsTheReferredPersonAsAReferralContact() {
        fixture.given(contactAdded())
                .when(new ReferContact(CONTACT_ID, OWNER, REFERRED_ID, SAM, NOW))
                .expectEvents(
                        new ReferralReceived(CONTACT_ID, OWNER, REFERRED_ID, SAM.name(), NOW),
                        new ContactAdded(REFERRED_ID, OWNER, SAM, ContactSource.REFERRAL, CONTACT_ID,
                                Contact.NO_CADENCE_OF_ITS_OWN, NOW));
    }

    @Test
    void referContact_isAcceptedWithoutNewEvents_whenRetriedWithTheSameIdAndName() {
        fixture.given(contactAdded(), SAM_REFERRED)
                .when(new ReferContact(CONTACT_ID, OWNER, REFERRED_ID, SAM, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void referContact_isRefusedAsIdReused_whenTheIdWasUsedForSomeoneElse() {
        fixture.given(contactAdded(), SAM_REFERRED)
                .when(new ReferContact(CONTACT_ID, OWNER, REFERRED_ID, LIN, NOW))
                .expectException(violating("id-reused"));
    }

    @Test
    void referContact_isRefusedAsIdReused_whenTheReferredIdIsTheReferrersOwn() {
        fixture.given(contactAdded())
                .when(new ReferContact(CONTACT_ID, OWNER, CONTACT_ID, SAM, NOW))
                .expectException(violating("id-reused"));
    }

    @Test
    void referContact_isRefused_whenTheReferredPersonHasNoName() {
        ContactDetails nameless = new ContactDetails(" ", "Tidewater Analytics", null, null, null, null, null, null, null);

        fixture.given(contactAdded())
                .when(new ReferContact(CONTACT_ID, OWNER, REFERRED_ID, nameless, NOW))
                .expectException(violating("required-value-missing"));
    }
}

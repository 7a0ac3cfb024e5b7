package app.rapport.command.contact;

import app.rapport.command.ErasuresInMemory;
import app.rapport.command.StringsHeld;
import app.rapport.command.dispatch.ExpectedVersionTargetResolver;
import app.rapport.commands.commitment.MakeCommitment;
import app.rapport.commands.contact.ArchiveContact;
import app.rapport.commands.contact.AskAboutOpenings;
import app.rapport.commands.contact.ChangeContactDetails;
import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.EraseContact;
import app.rapport.commands.contact.LinkReferral;
import app.rapport.commands.contact.ReferContact;
import app.rapport.commands.contact.RestoreContact;
import app.rapport.commands.contact.RetractEntry;
import app.rapport.commands.contact.SetFollowUpCadence;
import app.rapport.commands.interview.CancelInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.platform.privacy.Erasures.ErasedSubject;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import app.rapport.values.ResponseOutcome;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.LIN;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REFERRED_ID;
import static app.rapport.command.contact.ContactFixtures.SAM;
import static app.rapport.command.contact.ContactFixtures.STRANGER;
import static app.rapport.command.contact.ContactFixtures.TOO_LATE;
import static app.rapport.command.contact.ContactFixtures.UNKNOWN_ENTRY_ID;
import static app.rapport.command.contact.ContactFixtures.addContact;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactArchived;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.followUpLogged;
import static app.rapport.command.contact.ContactFixtures.holdInterview;
import static app.rapport.command.contact.ContactFixtures.logFollowUp;
import static app.rapport.command.contact.ContactFixtures.requestInterview;
import static app.rapport.command.contact.ContactFixtures.thanked;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Erasing a contact: {@link ContactErasure} lets the contact decide and deletes its key; once
 * erased, the contact answers every command as a contact that does not exist.
 */
class ErasureTest {

    static final String WHY = "Lin asked to be forgotten";
    static final Instant ERASED_AT = NOW.minus(Duration.ofMinutes(30));

    private final AggregateTestFixture<Contact> fixture = contactFixture();
    private final ErasuresInMemory keys = new ErasuresInMemory();

    @BeforeEach
    void erasureHandler() {
        // LinkReferral asks the directory; an erased contact must refuse before it does
        fixture.registerInjectableResource((ContactDirectory) (owner, contact) -> true);
        fixture.registerAnnotatedCommandHandler(new ContactErasure(fixture.getRepository(), keys, ContactFixtures.CLOCK));
    }

    static EraseContact eraseContact() {
        return new EraseContact(CONTACT_ID, OWNER, WHY, NOW);
    }

    static ContactErased contactErased() {
        return new ContactErased(CONTACT_ID, OWNER, WHY, ERASED_AT);
    }

    @Test
    void eraseContact_recordsContactErased() {
        fixture.given(contactAdded())
                .when(eraseContact())
                .expectEvents(new ContactErased(CONTACT_ID, OWNER, WHY, NOW));
    }

    @Test
    void eraseContact_deletesTheContactsKey() {
        fixture.given(contactAdded())
                .when(eraseContact())
                .expectSuccessfulHandlerExecution();

        assertThat(keys.erased()).containsExactly(new ErasedSubject(CONTACT_ID, OWNER, NOW));
    }

    @Test
    void eraseContact_isAcceptedWithoutNewEvent_whenTheContactIsErasedAlready() {
        fixture.given(contactAdded(), contactErased())
                .when(new EraseContact(CONTACT_ID, OWNER, "another reason", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // a key a restore of the key store brought back goes again
    @Test
    void eraseContact_deletesTheKeyAgain_whenRepeated() {
        fixture.given(contactAdded(), contactErased())
                .when(eraseContact())
                .expectSuccessfulHandlerExecution();

        assertThat(keys.isContactErased(CONTACT_ID)).isTrue();
    }

    @Test
    void eraseContact_isAccepted_whenTheContactIsArchived() {
        fixture.given(contactAdded(), contactArchived())
                .when(eraseContact())
                .expectEvents(new ContactErased(CONTACT_ID, OWNER, WHY, NOW));
    }

    @Test
    void eraseContact_isRefusedAsNotFound_forAnotherNetworkersContact() {
        fixture.given(contactAdded())
                .when(new EraseContact(CONTACT_ID, STRANGER, WHY, NOW))
                .expectException(ContactNotFound.class)
                .expectNoEvents();

        assertThat(keys.erased()).isEmpty();
    }

    @Test
    void eraseContact_isRefusedAsNotFound_forAnotherNetworkersErasedContact() {
        fixture.given(contactAdded(), contactErased())
                .when(new EraseContact(CONTACT_ID, STRANGER, WHY, NOW))
                .expectException(ContactNotFound.class);
    }

    @Test
    void eraseContact_isRefusedAsNotFound_whenTheContactDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(eraseContact())
                .expectException(AggregateNotFoundException.class);

        assertThat(keys.erased()).isEmpty();
    }

    @Test
    void eraseContact_isRefused_withoutAReason() {
        fixture.given(contactAdded())
                .when(new EraseContact(CONTACT_ID, OWNER, " ", NOW))
                .expectException(violating("required-value-missing"))
                .expectNoEvents();

        assertThat(keys.erased()).isEmpty();
    }

    @Test
    void eraseContact_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.given(contactAdded())
                .when(new EraseContact(CONTACT_ID, OWNER, WHY, TOO_LATE))
                .expectException(violating("at-in-future"))
                .expectNoEvents();
    }

    @Test
    void eraseContact_isRefusedAsStale_whenIfMatchNamesAnOlderVersion() {
        fixture.given(contactAdded(), followUpLogged(ADDED_AT.plusSeconds(60)))
                .when(eraseContact(), Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    /** Every command a contact has, aimed at the erased contact by its owner. */
    static List<Object> everyCommand() {
        UUID commitment = UUID.fromString("d0000000-0000-4000-8000-000000000001");
        return List.of(
                addContact(),
                new ChangeContactDetails(CONTACT_ID, OWNER, SAM, NOW),
                new SetFollowUpCadence(CONTACT_ID, OWNER, 30, NOW),
                new ArchiveContact(CONTACT_ID, OWNER, NOW),
                new RestoreContact(CONTACT_ID, OWNER, NOW),
                requestInterview(),
                new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, ResponseOutcome.ACCEPTED, null, NOW),
                holdInterview(30),
                new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "thanks", NOW),
                new CancelInterview(CONTACT_ID, OWNER, INTERVIEW_ID, "no time", NOW),
                logFollowUp(),
                new AskAboutOpenings(CONTACT_ID, OWNER, UUID.randomUUID(), "any openings?", true, NOW),
                new MakeCommitment(CONTACT_ID, OWNER, commitment, null, "send the paper", null, NOW),
                new ReferContact(CONTACT_ID, OWNER, REFERRED_ID, SAM, NOW),
                new LinkReferral(CONTACT_ID, OWNER, REFERRED_ID, NOW),
                new CorrectEntry(CONTACT_ID, OWNER, UNKNOWN_ENTRY_ID,
                        new EntryChanges(null, null, null, "better note", null, null), "typo", NOW),
                new RetractEntry(CONTACT_ID, OWNER, UNKNOWN_ENTRY_ID, "by mistake", NOW));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyCommand_isRefusedAsNotFound_onAnErasedContact(Object command) {
        fixture.given(with(thanked(), followUpLogged(NOW.minus(Duration.ofMinutes(50))), contactErased()))
                .when(command)
                .expectException(instanceOf(ContactNotFound.class))
                .expectNoEvents();
    }

    @Test
    void erasure_leavesNoPersonalDataInTheContact() {
        Set<String> personal = Set.of(LIN.name(), LIN.organization(), LIN.email(), LIN.phone(), LIN.notes(),
                LIN.preferredLocation(), "took the course she suggested", "Sam Okafor", "send the paper",
                "How did you start?", "read her blog", "happy to", "thank you", "notes");
        List<Object> history = with(thanked(), followUpLogged(NOW.minus(Duration.ofMinutes(50))),
                new ReferralReceived(CONTACT_ID, OWNER, REFERRED_ID, "Sam Okafor", NOW.minus(Duration.ofMinutes(45))),
                new CommitmentMade(CONTACT_ID, OWNER, UUID.randomUUID(), null, "send the paper", null,
                        NOW.minus(Duration.ofMinutes(40))));

        fixture.given(history)
                .when(eraseContact())
                .expectState(contact -> assertThat(StringsHeld.by(contact)).doesNotContainAnyElementsOf(personal));
    }

    // the test above would pass on a contact that never held them
    @Test
    void theContactHoldsThePersonalDataBeforeItsErasure() {
        fixture.given(with(thanked(), followUpLogged(NOW.minus(Duration.ofMinutes(50)))))
                .when(new SetFollowUpCadence(CONTACT_ID, OWNER, 30, NOW))
                .expectState(contact -> assertThat(StringsHeld.by(contact))
                        .contains(LIN.name(), LIN.email(), "took the course she suggested", "How did you start?"));
    }
}

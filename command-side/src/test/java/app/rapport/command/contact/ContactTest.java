package app.rapport.command.contact;

import app.rapport.commands.contact.AddContact;
import app.rapport.commands.contact.ArchiveContact;
import app.rapport.commands.contact.AskAboutOpenings;
import app.rapport.commands.contact.ChangeContactDetails;
import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.LogFollowUp;
import app.rapport.commands.contact.ReferContact;
import app.rapport.commands.contact.RestoreContact;
import app.rapport.commands.contact.RetractEntry;
import app.rapport.commands.contact.SetFollowUpCadence;
import app.rapport.commands.interview.CancelInterview;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.PrepareInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.RequestInterview;
import app.rapport.commands.interview.ScheduleInterview;
import app.rapport.commands.interview.SendNudge;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;
import app.rapport.values.ResponseOutcome;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.INQUIRY_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.JUST_AHEAD;
import static app.rapport.command.contact.ContactFixtures.LIN;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REASON;
import static app.rapport.command.contact.ContactFixtures.REFERRED_ID;
import static app.rapport.command.contact.ContactFixtures.SAM;
import static app.rapport.command.contact.ContactFixtures.STRANGER;
import static app.rapport.command.contact.ContactFixtures.TOO_LATE;
import static app.rapport.command.contact.ContactFixtures.UNKNOWN_ENTRY_ID;
import static app.rapport.command.contact.ContactFixtures.addContact;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactArchived;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

/** The contact as a whole: adding, editing, cadence, archiving, and the guards every command passes. */
class ContactTest {

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    @Test
    void addContact_recordsContactAddedWithTheDefaultCadence() {
        fixture.givenNoPriorActivity()
                .when(addContact())
                .expectEvents(new ContactAdded(CONTACT_ID, OWNER, LIN, ContactSource.EVENT, null,
                        Contact.NO_CADENCE_OF_ITS_OWN, NOW));
    }

    @Test
    void addContact_acceptsABusinessTimeUpToFiveMinutesAhead() {
        fixture.givenNoPriorActivity()
                .when(new AddContact(CONTACT_ID, OWNER, LIN, ContactSource.EVENT, JUST_AHEAD))
                .expectEvents(new ContactAdded(CONTACT_ID, OWNER, LIN, ContactSource.EVENT, null,
                        Contact.NO_CADENCE_OF_ITS_OWN, JUST_AHEAD));
    }

    @Test
    void addContact_isRefused_whenAtIsMoreThanFiveMinutesAhead() {
        fixture.givenNoPriorActivity()
                .when(new AddContact(CONTACT_ID, OWNER, LIN, ContactSource.EVENT, TOO_LATE))
                .expectException(violating("at-in-future"))
                .expectNoEvents();
    }

    @Test
    void addContact_isAcceptedWithoutNewEvent_whenRetriedIdentically() {
        fixture.given(contactAdded())
                .when(addContact())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void addContact_isAcceptedWithoutNewEvent_whenRetriedAfterTheDetailsWereChanged() {
        ContactDetails moved = LIN.mergedWith(new ContactDetails(null, "Tidewater", null, null, null, null, null, null, null));

        fixture.given(contactAdded(), new ContactDetailsChanged(CONTACT_ID, OWNER, moved, ADDED_AT))
                .when(addContact())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void addContact_isRefusedAsIdReused_whenTheIdIsRetriedWithOtherDetails() {
        fixture.given(contactAdded())
                .when(new AddContact(CONTACT_ID, OWNER, SAM, ContactSource.EVENT, NOW))
                .expectException(violating("id-reused"));
    }

    @Test
    void addContact_isRefusedAsIdReused_whenTheIdIsRetriedWithAnotherSource() {
        fixture.given(contactAdded())
                .when(new AddContact(CONTACT_ID, OWNER, LIN, ContactSource.COLD, NOW))
                .expectException(violating("id-reused"));
    }

    @Test
    void addContact_isRefusedAsIdReused_whenTheIdBelongsToAnotherNetworker() {
        fixture.given(contactAdded())
                .when(new AddContact(CONTACT_ID, STRANGER, LIN, ContactSource.EVENT, NOW))
                .expectException(violating("id-reused"))
                .expectExceptionMessage(not(containsString(OWNER)));
    }

    @Test
    void addContact_isRefused_whenTheNameIsMissing() {
        ContactDetails nameless = new ContactDetails(null, "Harbour Labs", null, null, null, null, null, null, null);

        fixture.givenNoPriorActivity()
                .when(new AddContact(CONTACT_ID, OWNER, nameless, ContactSource.EVENT, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void addContact_isRefused_whenTheSourceIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new AddContact(CONTACT_ID, OWNER, LIN, null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void changeContactDetails_recordsTheFullDetailsAfterTheChange() {
        ContactDetails changes = new ContactDetails(null, "Tidewater Analytics", "Staff Engineer", null, null,
                null, null, null, null);

        fixture.given(contactAdded())
                .when(new ChangeContactDetails(CONTACT_ID, OWNER, changes, NOW))
                .expectEvents(new ContactDetailsChanged(CONTACT_ID, OWNER, LIN.mergedWith(changes), NOW));
    }

    @Test
    void changeContactDetails_isAcceptedWithoutNewEvent_whenNothingWouldChange() {
        fixture.given(contactAdded())
                .when(new ChangeContactDetails(CONTACT_ID, OWNER, LIN, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changeContactDetails_isRefused_whenTheNameWouldBecomeBlank() {
        ContactDetails blankName = new ContactDetails("  ", null, null, null, null, null, null, null, null);

        fixture.given(contactAdded())
                .when(new ChangeContactDetails(CONTACT_ID, OWNER, blankName, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void setFollowUpCadence_recordsTheDays() {
        fixture.given(contactAdded())
                .when(new SetFollowUpCadence(CONTACT_ID, OWNER, 30, NOW))
                .expectEvents(new FollowUpCadenceSet(CONTACT_ID, OWNER, 30, NOW));
    }

    @Test
    void setFollowUpCadence_isAcceptedWithoutNewEvent_whenTheCadenceIsAlreadySet() {
        fixture.given(contactAdded(), new FollowUpCadenceSet(CONTACT_ID, OWNER, 30, NOW))
                .when(new SetFollowUpCadence(CONTACT_ID, OWNER, 30, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 6, 366})
    void setFollowUpCadence_isRefused_whenOutsideSevenTo365Days(int days) {
        fixture.given(contactAdded())
                .when(new SetFollowUpCadence(CONTACT_ID, OWNER, days, NOW))
                .expectException(violating("cadence-out-of-range"));
    }

    @Test
    void archiveContact_recordsContactArchived() {
        fixture.given(contactAdded())
                .when(new ArchiveContact(CONTACT_ID, OWNER, NOW))
                .expectEvents(new ContactArchived(CONTACT_ID, OWNER, NOW));
    }

    @Test
    void archiveContact_isAcceptedWithoutNewEvent_whenAlreadyArchived() {
        fixture.given(contactAdded(), contactArchived())
                .when(new ArchiveContact(CONTACT_ID, OWNER, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void restoreContact_recordsContactRestored() {
        fixture.given(contactAdded(), contactArchived())
                .when(new RestoreContact(CONTACT_ID, OWNER, NOW))
                .expectEvents(new ContactRestored(CONTACT_ID, OWNER, NOW));
    }

    @Test
    void restoreContact_isAcceptedWithoutNewEvent_whenNotArchived() {
        fixture.given(contactAdded())
                .when(new RestoreContact(CONTACT_ID, OWNER, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesToAnArchivedContact")
    void everyChange_isRefused_whenTheContactIsArchived(String name, Object command) {
        fixture.given(with(held(), contactArchived()))
                .when(command)
                .expectException(violating("contact-archived"))
                .expectExceptionMessage(containsString("restore the contact first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAnExistingContact")
    void everyCommand_isRefusedAsNotFound_whenTheContactBelongsToSomeoneElse(String name, Object command) {
        fixture.given(held())
                .when(command)
                .expectException(instanceOf(ContactNotFound.class))
                .expectException(violating("contact-not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAnExistingContact")
    void everyCommand_isRefusedByAxonAsNotFound_whenTheContactWasNeverAdded(String name, Object command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(AggregateNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandStampedTooLate")
    void everyCommand_isRefused_whenItsBusinessTimeIsMoreThanFiveMinutesAhead(String name, Object command) {
        fixture.given(held())
                .when(command)
                .expectException(violating("at-in-future"));
    }

    @Test
    void interviewCommand_isRefusedAsNotFound_whenTheInterviewIsUnknown() {
        fixture.given(held())
                .when(new SendThankYou(CONTACT_ID, OWNER, UUID.randomUUID(), Channel.EMAIL, "thanks", NOW))
                .expectException(instanceOf(InterviewNotFound.class))
                .expectException(violating("interview-not-found"));
    }

    static List<Object[]> changesToAnArchivedContact() {
        return named(commandsBy(OWNER, NOW).stream()
                .filter(command -> !(command instanceof ArchiveContact || command instanceof RestoreContact))
                .toList());
    }

    static List<Object[]> everyCommandOnAnExistingContact() {
        return named(commandsBy(STRANGER, NOW));
    }

    static List<Object[]> everyCommandStampedTooLate() {
        return named(commandsBy(OWNER, TOO_LATE));
    }

    /** One of every command but AddContact, which creates rather than changes. */
    private static List<Object> commandsBy(String owner, Instant at) {
        UUID newInterview = UUID.fromString("10000000-0000-4000-8000-0000000000ff");
        return List.of(
                new ChangeContactDetails(CONTACT_ID, owner, SAM, at),
                new SetFollowUpCadence(CONTACT_ID, owner, 30, at),
                new ArchiveContact(CONTACT_ID, owner, at),
                new RestoreContact(CONTACT_ID, owner, at),
                new RequestInterview(CONTACT_ID, owner, newInterview, Channel.EMAIL, 20, "a day in data", null, at),
                new RecordResponse(CONTACT_ID, owner, INTERVIEW_ID, ResponseOutcome.ACCEPTED, null, at),
                new ScheduleInterview(CONTACT_ID, owner, INTERVIEW_ID, MEETING_AT, Channel.VIDEO, null, at),
                new PrepareInterview(CONTACT_ID, owner, INTERVIEW_ID, List.of("Why data?"), null, false, at),
                new HoldInterview(CONTACT_ID, owner, INTERVIEW_ID, at, 20, null, null),
                new SendThankYou(CONTACT_ID, owner, INTERVIEW_ID, Channel.EMAIL, "thanks", at),
                new CancelInterview(CONTACT_ID, owner, INTERVIEW_ID, "no time", at),
                new LogFollowUp(CONTACT_ID, owner, FOLLOW_UP_ID, FollowUpKind.CHECK_IN, Channel.EMAIL, null, at),
                new ReferContact(CONTACT_ID, owner, REFERRED_ID, SAM, at),
                new AskAboutOpenings(CONTACT_ID, owner, INQUIRY_ID, "any openings?", true, at),
                new SendNudge(CONTACT_ID, owner, INTERVIEW_ID, Channel.EMAIL, null, at),
                new CorrectEntry(CONTACT_ID, owner, UNKNOWN_ENTRY_ID,
                        new EntryChanges(MEETING_AT, null, null, null, null, null), REASON, at),
                new RetractEntry(CONTACT_ID, owner, UNKNOWN_ENTRY_ID, REASON, at));
    }

    private static List<Object[]> named(List<Object> commands) {
        return commands.stream()
                .map(command -> new Object[] {command.getClass().getSimpleName(), command})
                .toList();
    }
}

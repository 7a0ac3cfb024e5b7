package app.rapport.command.contact;

import app.rapport.command.BusinessTime;
import app.rapport.command.RuleViolation;
import app.rapport.commands.commitment.DropCommitment;
import app.rapport.commands.commitment.KeepCommitment;
import app.rapport.commands.commitment.MakeCommitment;
import app.rapport.commands.contact.AddContact;
import app.rapport.commands.contact.ArchiveContact;
import app.rapport.commands.contact.AskAboutOpenings;
import app.rapport.commands.contact.ChangeContactDetails;
import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.EraseContact;
import app.rapport.commands.contact.LinkReferral;
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
import app.rapport.events.ContactEvent;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.contact.ReferralLinked;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.Relationship;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One relationship in a networker's journal: the person, how often to stay in touch, the
 * interviews, the follow-ups and the referrals. It is one aggregate because the rule that matters
 * most spans them all: no job inquiry before an interview was held, thanked for and followed up.
 *
 * <p>Every handler that stamps a fact takes the {@link Clock} as a parameter, resolved by Axon
 * from the application's beans, so that "not in the future" is judged against an injectable now.
 *
 * <p>An erased contact keeps only its id and owner: every command on it is answered as for a
 * contact that does not exist, since for its owner it no longer does.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver", cache = "contactCache")
public class Contact {

    /** A new contact has no cadence of its own: the practice's keep-in-touch window applies until one is set. */
    public static final int NO_CADENCE_OF_ITS_OWN = 0;
    public static final int MIN_CADENCE_DAYS = 7;
    public static final int MAX_CADENCE_DAYS = 365;
    public static final int MIN_DURATION_MINUTES = 10;
    public static final int MAX_DURATION_MINUTES = 90;

    @AggregateIdentifier
    private UUID contactId;
    private String ownerId;
    private ContactDetails details;
    // Kept apart from the current details so that a retried AddContact is recognised after an edit.
    private ContactDetails detailsAsAdded;
    private ContactSource source;
    private int cadenceDays;
    private boolean archived;
    private boolean erased;
    private Instant addedAt;

    // Axon's default would hand every interview's events to every interview of the contact.
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, Interview> interviews = new HashMap<>();
    // As first logged or asked, to recognise a retry; the entries say how they read now.
    private final Map<UUID, FollowUp> followUps = new HashMap<>();
    private final Map<UUID, JobInquiry> inquiries = new HashMap<>();
    private final Map<UUID, String> referredNames = new HashMap<>();
    // Existing contacts this one referred the networker to, linked after the fact.
    private final Set<UUID> linkedReferrals = new HashSet<>();
    private final Map<UUID, Commitment> commitments = new HashMap<>();
    // Every event of the contact's own, by its id, as it now reads; each interview keeps its steps.
    private final Map<String, Entry> entries = new HashMap<>();

    protected Contact() {
        // for Axon: the state is rebuilt from the events
    }

    // Only a referral creates a contact this way, inside the referrer's unit of work.
    private Contact(UUID contactId, String ownerId, ContactDetails details, UUID referredBy, Instant at) {
        apply(new ContactAdded(contactId, ownerId, details, ContactSource.REFERRAL, referredBy,
                NO_CADENCE_OF_ITS_OWN, at));
    }

    // Creating under a client-chosen id makes a lost answer safe to retry.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddContact command, Clock clock) {
        if (exists()) {
            if (erased) {
                throw new ContactNotFound(contactId);
            }
            if (isRetryOf(command)) {
                return;
            }
            throw idReused("add contact " + command.contactId(), "the id belongs to a contact added before");
        }
        String asked = "add contact " + command.contactId();
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        Required.value(command.details(), "name", asked);
        Required.value(command.details().name(), "name", asked);
        Required.value(command.source(), "source", asked);
        apply(new ContactAdded(command.contactId(), command.ownerId(), command.details(), command.source(),
                null, NO_CADENCE_OF_ITS_OWN, command.at(), command.provenance()));
    }

    @CommandHandler
    public void handle(ChangeContactDetails command, Clock clock) {
        String asked = "change the details of contact " + contactId;
        requireOwnedBy(command.ownerId());
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        ContactDetails changed = details.mergedWith(command.changes());
        Required.value(changed.name(), "name", asked);
        if (changed.equals(details)) {
            return;
        }
        apply(new ContactDetailsChanged(contactId, ownerId, changed, command.at()));
    }

    @CommandHandler
    public void handle(SetFollowUpCadence command, Clock clock) {
        String asked = "set the follow-up cadence of contact " + contactId;
        requireOwnedBy(command.ownerId());
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        if (command.days() < MIN_CADENCE_DAYS || command.days() > MAX_CADENCE_DAYS) {
            throw new RuleViolation("cadence-out-of-range",
                    "Cannot set the follow-up cadence of contact %s to %d days: a cadence is %d to %d days."
                            .formatted(contactId, command.days(), MIN_CADENCE_DAYS, MAX_CADENCE_DAYS));
        }
        if (command.days() == cadenceDays) {
            return;
        }
        apply(new FollowUpCadenceSet(contactId, ownerId, command.days(), command.at()));
    }

    @CommandHandler
    public void handle(ArchiveContact command, Clock clock) {
        requireOwnedBy(command.ownerId());
        BusinessTime.requireNotInFuture(command.at(), clock, "archive contact " + contactId);
        // Archiving an archived contact already has the outcome asked for.
        if (archived) {
            return;
        }
        apply(new ContactArchived(contactId, ownerId, command.at()));
    }

    @CommandHandler
    public void handle(RestoreContact command, Clock clock) {
        requireOwnedBy(command.ownerId());
        BusinessTime.requireNotInFuture(command.at(), clock, "restore contact " + contactId);
        if (!archived) {
            return;
        }
        apply(new ContactRestored(contactId, ownerId, command.at()));
    }

    @CommandHandler
    public void handle(RequestInterview command, Clock clock) {
        String asked = "request interview " + command.interviewId() + " with contact " + contactId;
        requireOwnedBy(command.ownerId());
        Required.value(command.interviewId(), "interview id", asked);
        Interview earlier = interviews.get(command.interviewId());
        if (earlier != null) {
            if (earlier.isRetryOf(command)) {
                return;
            }
            throw idReused(asked, "the id belongs to an interview requested before");
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        requireNotBeforeAdded(command.at(), "request", asked);
        Required.value(command.channel(), "channel", asked);
        Required.value(command.purpose(), "purpose", asked);
        if (command.durationMinutes() < MIN_DURATION_MINUTES || command.durationMinutes() > MAX_DURATION_MINUTES) {
            throw new RuleViolation("duration-out-of-range",
                    "Cannot %s for %d minutes: a request asks for %d to %d minutes."
                            .formatted(asked, command.durationMinutes(), MIN_DURATION_MINUTES, MAX_DURATION_MINUTES));
        }
        apply(new InterviewRequested(contactId, ownerId, command.interviewId(), command.channel(),
                command.durationMinutes(), command.purpose(), command.message(), command.at()));
    }

    @CommandHandler
    public void handle(RecordResponse command, Clock clock) {
        interviewToChange(command.ownerId(), command.interviewId(), command.at(), clock, "record a response to")
                .recordResponse(command);
    }

    @CommandHandler
    public void handle(ScheduleInterview command, Clock clock) {
        interviewToChange(command.ownerId(), command.interviewId(), command.at(), clock, "schedule")
                .schedule(command, details.preferredLocation());
    }

    @CommandHandler
    public void handle(PrepareInterview command, Clock clock) {
        interviewToChange(command.ownerId(), command.interviewId(), command.at(), clock, "prepare")
                .prepare(command);
    }

    @CommandHandler
    public void handle(HoldInterview command, Clock clock) {
        // The business time of a held interview is heldAt, which the interview itself checks.
        requireOwnedBy(command.ownerId());
        Interview interview = interview(command.interviewId());
        requireActive("hold interview " + command.interviewId());
        interview.hold(command, clock);
    }

    @CommandHandler
    public void handle(SendThankYou command, Clock clock) {
        interviewToChange(command.ownerId(), command.interviewId(), command.at(), clock, "send a thank-you for")
                .sendThankYou(command);
    }

    @CommandHandler
    public void handle(CancelInterview command, Clock clock) {
        interviewToChange(command.ownerId(), command.interviewId(), command.at(), clock, "cancel")
                .cancel(command);
    }

    @CommandHandler
    public void handle(SendNudge command, Clock clock) {
        interviewToChange(command.ownerId(), command.interviewId(), command.at(), clock, "send a nudge for")
                .sendNudge(command);
    }

    @CommandHandler
    public void handle(LogFollowUp command, Clock clock) {
        String asked = "log follow-up " + command.followUpId() + " with contact " + contactId;
        requireOwnedBy(command.ownerId());
        Required.value(command.followUpId(), "follow-up id", asked);
        FollowUp earlier = followUps.get(command.followUpId());
        if (earlier != null) {
            if (isRetryOf(earlier, command)) {
                return;
            }
            throw idReused(asked, "the id belongs to a follow-up logged before");
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        requireNotBeforeAdded(command.at(), "follow-up", asked);
        Required.value(command.kind(), "kind", asked);
        Required.value(command.channel(), "channel", asked);
        List<UUID> keeps = List.copyOf(new LinkedHashSet<>(command.keeps()));
        keeps.forEach(commitmentId -> requireOpenToKeep(commitmentId, command.at(), asked));
        apply(new FollowUpLogged(contactId, ownerId, command.followUpId(), command.kind(), command.channel(),
                command.note(), command.at(), keeps));
        keeps.forEach(commitmentId -> apply(new CommitmentKept(contactId, ownerId, commitmentId,
                command.followUpId(), null, command.at())));
    }

    /** Records a promise made to the contact, under a client-chosen id that makes it safe to retry. */
    @CommandHandler
    public void handle(MakeCommitment command, Clock clock) {
        String asked = "make commitment " + command.commitmentId() + " to contact " + contactId;
        requireOwnedBy(command.ownerId());
        Required.value(command.commitmentId(), "commitment id", asked);
        Commitment earlier = commitments.get(command.commitmentId());
        if (earlier != null) {
            if (earlier.isRetryOf(command)) {
                return;
            }
            throw idReused(asked, "the id belongs to a commitment made before");
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        requireNotBeforeAdded(command.at(), "commitment", asked);
        Required.value(command.promise(), "promise", asked);
        if (command.interviewId() != null) {
            interview(command.interviewId());
        }
        Commitment.requireDueNotBeforeMade(command, asked);
        apply(new CommitmentMade(contactId, ownerId, command.commitmentId(), command.interviewId(), command.promise(),
                command.dueBy(), command.at()));
    }

    /** Keeps an open promise on its own; keeping it again with the same note is answered as the first time. */
    @CommandHandler
    public void handle(KeepCommitment command, Clock clock) {
        String asked = "keep commitment " + command.commitmentId() + " to contact " + contactId;
        requireOwnedBy(command.ownerId());
        Commitment commitment = commitment(command.commitmentId());
        if (commitment.wasKeptAloneWith(command.note())) {
            return;
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        commitment.requireOpen(asked);
        commitment.requireNotBeforeMade(command.at(), "keep", asked);
        apply(new CommitmentKept(contactId, ownerId, commitment.commitmentId(), null, command.note(), command.at()));
    }

    /** Drops an open promise; dropping it again for the same reason is answered as the first time. */
    @CommandHandler
    public void handle(DropCommitment command, Clock clock) {
        String asked = "drop commitment " + command.commitmentId() + " to contact " + contactId;
        requireOwnedBy(command.ownerId());
        Commitment commitment = commitment(command.commitmentId());
        if (commitment.wasDroppedFor(command.reason())) {
            return;
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        commitment.requireOpen(asked);
        commitment.requireNotBeforeMade(command.at(), "drop", asked);
        apply(new CommitmentDropped(contactId, ownerId, commitment.commitmentId(), command.reason(), command.at()));
    }

    @CommandHandler
    public void handle(AskAboutOpenings command, Clock clock) {
        String asked = "ask contact " + contactId + " about openings under inquiry " + command.inquiryId();
        requireOwnedBy(command.ownerId());
        Required.value(command.inquiryId(), "inquiry id", asked);
        JobInquiry earlier = inquiries.get(command.inquiryId());
        if (earlier != null) {
            if (isRetryOf(earlier, command)) {
                return;
            }
            throw idReused(asked, "the id belongs to a job inquiry made before");
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        requireNotBeforeAdded(command.at(), "job inquiry", asked);
        boolean established = isEstablished();
        if (!established && !command.acknowledgeEarly()) {
            throw new RuleViolation("relationship-not-established",
                    ("Cannot %s: the relationship is not established yet; that takes an interview held and "
                            + "thanked for and a follow-up after the thank-you. Acknowledge asking early to ask anyway.")
                            .formatted(asked));
        }
        apply(new JobInquiryMade(contactId, ownerId, command.inquiryId(), command.note(), !established, command.at()));
    }

    @CommandHandler
    public void handle(ReferContact command, Clock clock) throws Exception {
        String asked = "record a referral from contact " + contactId;
        requireOwnedBy(command.ownerId());
        Required.value(command.referredContactId(), "referred contact id", asked);
        Required.value(command.details(), "name", asked);
        String earlierName = referredNames.get(command.referredContactId());
        if (earlierName != null) {
            // The referrer keeps only the name; the rest of the payload lives on the referred contact.
            if (earlierName.equals(command.details().name())) {
                return;
            }
            throw idReused(asked, "the id belongs to a contact referred before");
        }
        if (command.referredContactId().equals(contactId)) {
            throw idReused(asked, "the id is the referrer's own");
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        requireNotBeforeAdded(command.at(), "referral", asked);
        Required.value(command.details().name(), "name", asked);
        apply(new ReferralReceived(contactId, ownerId, command.referredContactId(), command.details().name(),
                command.at()));
        createNew(Contact.class, () -> new Contact(command.referredContactId(), ownerId, command.details(),
                contactId, command.at()));
    }

    /**
     * Records that this contact referred the networker to someone already in the journal. A
     * referral this contact has made to that person already, linked or created by
     * {@code ReferContact}, has the outcome asked for: accepted without a new event.
     */
    @CommandHandler
    public void handle(LinkReferral command, Clock clock, ContactDirectory directory) {
        String asked = "link a referral from contact " + contactId + " to contact " + command.referredContactId();
        requireOwnedBy(command.ownerId());
        Required.value(command.referredContactId(), "referred contact id", asked);
        if (hasReferred(command.referredContactId())) {
            return;
        }
        if (command.referredContactId().equals(contactId)) {
            throw new RuleViolation("referral-to-self",
                    "Cannot %s: a contact cannot refer the networker to themself; name another contact of the journal."
                            .formatted(asked));
        }
        // someone else's contact gets the same answer as a missing one
        if (!directory.holds(ownerId, command.referredContactId())) {
            throw new ContactNotFound(command.referredContactId());
        }
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        requireNotBeforeAdded(command.at(), "referral", asked);
        apply(new ReferralLinked(contactId, ownerId, command.referredContactId(), command.at()));
    }

    /**
     * Corrects an entry to the values it should have had, which must obey the rules of the
     * command that recorded it; a correction to the values it already reads with is a retry,
     * accepted without a new event.
     */
    @CommandHandler
    public void handle(CorrectEntry command, Clock clock) {
        String asked = "correct entry " + command.entryId() + " of contact " + contactId;
        requireOwnedBy(command.ownerId());
        Required.value(command.reason(), "reason", asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        Optional<Interview> interview = interviewWithEntry(command.entryId());
        Entry entry = interview.flatMap(it -> it.entry(command.entryId()))
                .orElseGet(() -> entries.get(command.entryId()));
        if (entry == null) {
            throw new EntryNotFound(contactId, command.entryId());
        }
        ContactEvent corrected = entry.correctionBy(command.changes(), asked);
        if (corrected.equals(entry.event())) {
            return;
        }
        requireKeptPromisesStayPut(entry, corrected, asked);
        BusinessTime.requireNotInFuture(corrected.at(), clock, asked);
        if (corrected instanceof InterviewRequested) {
            requireNotBeforeAdded(corrected.at(), "request", asked);
        } else if (corrected instanceof FollowUpLogged) {
            requireNotBeforeAdded(corrected.at(), "follow-up", asked);
        } else if (corrected instanceof JobInquiryMade) {
            requireNotBeforeAdded(corrected.at(), "job inquiry", asked);
        }
        interview.ifPresent(it -> it.requireCorrectionAllowed(command.entryId(), corrected, asked));
        apply(new EntryCorrected(contactId, ownerId, command.entryId(), entry.type(),
                interview.map(Interview::interviewId).orElse(null), followUpIdOf(entry), command.changes(),
                command.reason(), command.at()));
    }

    /**
     * Withdraws an entry recorded by mistake: a follow-up, a job inquiry, a nudge or an interview's
     * latest step. Retracting what is already retracted is accepted without a new event.
     */
    @CommandHandler
    public void handle(RetractEntry command, Clock clock) {
        String asked = "retract entry " + command.entryId() + " of contact " + contactId;
        requireOwnedBy(command.ownerId());
        Required.value(command.reason(), "reason", asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        requireActive(asked);
        Optional<Interview> interview = interviewWithEntry(command.entryId());
        if (interview.isPresent()) {
            interview.get().retract(command, asked);
            return;
        }
        Entry entry = entries.get(command.entryId());
        if (entry == null) {
            throw new EntryNotFound(contactId, command.entryId());
        }
        if (entry.retracted()) {
            return;
        }
        requireNoPromiseReopened(entry, asked);
        if (!(entry.event() instanceof FollowUpLogged || entry.event() instanceof JobInquiryMade)) {
            throw Entry.notRetractable(asked, "it records " + entry.type());
        }
        apply(new EntryRetracted(contactId, ownerId, command.entryId(), entry.type(), null, followUpIdOf(entry),
                command.reason(), command.at()));
    }

    /**
     * Forgets the contact, keeping the facts of its history. Not a command handler of its own:
     * {@link ContactErasure} loads the contact, asks it this, and deletes the contact's key in the
     * same unit of work, which the aggregate must not do (I/O). Erasing an erased contact has the
     * outcome asked for: accepted without a new event, whatever reason it gives.
     */
    void erase(EraseContact command, Clock clock) {
        String asked = "erase contact " + contactId;
        if (!ownerId.equals(command.ownerId())) {
            throw new ContactNotFound(contactId);
        }
        if (erased) {
            return;
        }
        Required.value(command.reason(), "reason", asked);
        BusinessTime.requireNotInFuture(command.at(), clock, asked);
        apply(new ContactErased(contactId, ownerId, command.reason(), command.at()));
    }

    private boolean exists() {
        return contactId != null;
    }

    private boolean hasReferred(UUID referredContactId) {
        return referredNames.containsKey(referredContactId) || linkedReferrals.contains(referredContactId);
    }

    // The provenance is not compared: the same person from the same source is the same intent whichever
    // import (or none) sent it again, and the first event's provenance says where the contact came from.
    private boolean isRetryOf(AddContact command) {
        return ownerId.equals(command.ownerId())
                && detailsAsAdded.equals(command.details())
                && source == command.source();
    }

    private static boolean isRetryOf(FollowUp earlier, LogFollowUp command) {
        return earlier.kind() == command.kind()
                && earlier.channel() == command.channel()
                && Objects.equals(earlier.note(), command.note())
                && Set.copyOf(earlier.keeps()).equals(Set.copyOf(command.keeps()));
    }

    // The acknowledgement shows only in an early inquiry: an established contact is asked on time either way.
    private static boolean isRetryOf(JobInquiry earlier, AskAboutOpenings command) {
        return Objects.equals(earlier.note(), command.note())
                && (!earlier.early() || command.acknowledgeEarly());
    }

    /**
     * Held, thanked for, and followed up after the thank-you: the point where asking about work is
     * fair. Thank-yous and follow-ups count as they now read, and not at all once retracted.
     */
    private boolean isEstablished() {
        return interviews.values().stream()
                .flatMap(interview -> interview.thankedAt().stream())
                .anyMatch(thanked -> followUpsThatStand()
                        .anyMatch(followUp -> Relationship.isEstablishedBy(thanked, followUp.at())));
    }

    private Stream<FollowUpLogged> followUpsThatStand() {
        return entries.values().stream()
                .filter(Entry::stands)
                .map(Entry::event)
                .filter(FollowUpLogged.class::isInstance)
                .map(FollowUpLogged.class::cast);
    }

    // Nothing that happened with the contact is dated before the contact entered the journal.
    private void requireNotBeforeAdded(Instant at, String what, String asked) {
        if (at.isBefore(addedAt)) {
            throw new RuleViolation("before-previous-step",
                    "Cannot %s: the %s (%s) would come before the contact was added (%s); no step is dated before the step it follows."
                            .formatted(asked, what, at, addedAt));
        }
    }

    private Commitment commitment(UUID commitmentId) {
        Commitment commitment = commitmentId == null ? null : commitments.get(commitmentId);
        if (commitment == null) {
            throw new CommitmentNotFound(contactId, commitmentId);
        }
        return commitment;
    }

    // A follow-up keeps only what is still promised, and not before it was promised.
    private void requireOpenToKeep(UUID commitmentId, Instant at, String asked) {
        Commitment commitment = commitments.get(commitmentId);
        if (commitment == null || !commitment.isOpen()) {
            throw Commitment.notOpenToKeep(asked, commitmentId, commitment);
        }
        commitment.requireNotBeforeMade(at, "follow-up", asked);
    }

    // A kept commitment cannot be reopened yet, so the follow-up that kept it keeps its time.
    private static void requireKeptPromisesStayPut(Entry entry, ContactEvent corrected, String asked) {
        if (entry.event() instanceof FollowUpLogged followUp && !followUp.keeps().isEmpty()
                && !followUp.at().equals(corrected.at())) {
            throw new RuleViolation("not-correctable",
                    ("Cannot %s: the follow-up kept commitments %s at its time, and a kept commitment cannot be "
                            + "reopened or moved yet; its note and channel can be corrected.").formatted(asked, followUp.keeps()));
        }
    }

    // Commitments are not retractable yet: what was kept stays kept, an open one is dropped instead.
    private static void requireNoPromiseReopened(Entry entry, String asked) {
        if (entry.event() instanceof FollowUpLogged followUp && !followUp.keeps().isEmpty()) {
            throw Entry.notRetractable(asked, "the follow-up kept commitments " + followUp.keeps()
                    + ", and a kept commitment cannot be reopened yet");
        }
        if (entry.event() instanceof CommitmentMade || entry.event() instanceof CommitmentKept
                || entry.event() instanceof CommitmentDropped) {
            throw Entry.notRetractable(asked, "it records " + entry.type()
                    + ", and commitments cannot be retracted yet (drop an open one instead)");
        }
    }

    private Optional<Interview> interviewWithEntry(String entryId) {
        return interviews.values().stream()
                .filter(interview -> interview.entry(entryId).isPresent())
                .findFirst();
    }

    private static UUID followUpIdOf(Entry entry) {
        return entry.event() instanceof FollowUpLogged followUp ? followUp.followUpId() : null;
    }

    private Interview interviewToChange(String askingOwner, UUID interviewId, Instant at, Clock clock, String verb) {
        String asked = verb + " interview " + interviewId;
        requireOwnedBy(askingOwner);
        Interview interview = interview(interviewId);
        BusinessTime.requireNotInFuture(at, clock, asked);
        requireActive(asked);
        return interview;
    }

    private Interview interview(UUID interviewId) {
        Interview interview = interviewId == null ? null : interviews.get(interviewId);
        if (interview == null) {
            throw new InterviewNotFound(contactId, interviewId);
        }
        return interview;
    }

    // Someone else's contact gets the same answer as a missing one, so ids cannot be probed; an erased
    // contact is missing for its owner too.
    private void requireOwnedBy(String askingOwner) {
        if (erased || !ownerId.equals(askingOwner)) {
            throw new ContactNotFound(contactId);
        }
    }

    private void requireActive(String asked) {
        if (archived) {
            throw new RuleViolation("contact-archived",
                    "Cannot %s: contact %s is archived; restore the contact first.".formatted(asked, contactId));
        }
    }

    private RuleViolation idReused(String asked, String why) {
        return new RuleViolation("id-reused",
                "Cannot %s: %s with different content; repeat the same request or choose a new id."
                        .formatted(asked, why));
    }

    @EventSourcingHandler
    void on(ContactAdded event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        contactId = event.contactId();
        ownerId = event.ownerId();
        details = event.details();
        detailsAsAdded = event.details();
        source = event.source();
        cadenceDays = event.cadenceDays();
        addedAt = event.at();
    }

    @EventSourcingHandler
    void on(ContactDetailsChanged event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        details = event.details();
    }

    @EventSourcingHandler
    void on(FollowUpCadenceSet event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        cadenceDays = event.days();
    }

    @EventSourcingHandler
    void on(ContactArchived event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        archived = true;
    }

    @EventSourcingHandler
    void on(ContactRestored event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        archived = false;
    }

    @EventSourcingHandler
    void on(ReferralReceived event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        referredNames.put(event.referredContactId(), event.referredName());
    }

    @EventSourcingHandler
    void on(ReferralLinked event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        linkedReferrals.add(event.referredContactId());
    }

    @EventSourcingHandler
    void on(FollowUpLogged event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        followUps.put(event.followUpId(), new FollowUp(event.kind(), event.channel(), event.note(), event.keeps()));
    }

    @EventSourcingHandler
    void on(CommitmentMade event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        commitments.put(event.commitmentId(), Commitment.made(event));
    }

    @EventSourcingHandler
    void on(CommitmentKept event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        commitments.computeIfPresent(event.commitmentId(), (id, commitment) -> commitment.keptBy(event));
    }

    @EventSourcingHandler
    void on(CommitmentDropped event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        commitments.computeIfPresent(event.commitmentId(), (id, commitment) -> commitment.droppedBy(event));
    }

    @EventSourcingHandler
    void on(JobInquiryMade event, @MessageIdentifier String entryId) {
        entries.put(entryId, Entry.recorded(event));
        if (event.inquiryId() != null) {
            inquiries.put(event.inquiryId(), new JobInquiry(event.note(), event.early()));
        }
    }

    @EventSourcingHandler
    void on(InterviewRequested event, @MessageIdentifier String entryId) {
        interviews.put(event.interviewId(), new Interview(event, entryId));
    }

    // An interview's steps are corrected and retracted by the interview itself, which receives these too.
    @EventSourcingHandler
    void on(EntryCorrected event, @MessageIdentifier String entryId) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.correctedBy(event.changes()));
        entries.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(EntryRetracted event, @MessageIdentifier String entryId) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.asRetracted());
        entries.put(entryId, Entry.recorded(event));
    }

    /**
     * Forgets every personal datum the contact held (details, notes, names of referrals, the steps
     * and their texts): in the cache, an erased contact must not keep what its erased key no longer
     * opens in the store. The id and the owner stay, so that a command on it is answered 404.
     */
    @EventSourcingHandler
    void on(ContactErased event) {
        erased = true;
        details = null;
        detailsAsAdded = null;
        interviews.clear();
        followUps.clear();
        inquiries.clear();
        referredNames.clear();
        linkedReferrals.clear();
        commitments.clear();
        entries.clear();
    }
}

package app.rapport.command.imports;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import app.rapport.commands.networker.SetProfile;
import app.rapport.events.ContactEvent;
import app.rapport.events.JournalEvent;
import app.rapport.events.NetworkerEvent;
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
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.events.networker.ProfileSet;
import app.rapport.values.ContactDetails;
import app.rapport.values.Provenance;
import app.rapport.values.ResponseOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Imports a journal exported as JSON Lines ({@code format=events}) by sending, in the order they
 * were recorded, the command each event records the outcome of, as the caller's own commands: the
 * owner of everything is the caller, each contact decides each step again under today's rules,
 * and the events are recorded now, with new ids. Appending the exported events as they are would
 * let a file dictate a history no aggregate decided, and recorded times in the past that would
 * rewrite what a mentor's earlier review saw ({@code asOf} means "recorded by then"); replayed as
 * commands, the business times ({@code at}) carry over and the timelines read the same.
 *
 * <p>Contacts keep their ids unless the id is another journal's (then the import gives them one of
 * its own, the same on every repeat). A contact already in the caller's journal is left as it is
 * with all its events, as is a profile already set, so a repeated import changes nothing. Mentor
 * grants and calendar feeds are not imported: who may read a journal is decided on each instance.
 * A correction or retraction names the entry it amends by event id, which the import maps to the
 * new event's id.
 */
@Component
class JournalImport {

    private static final Logger log = LoggerFactory.getLogger(JournalImport.class);

    private final ObjectMapper events;
    private final StoredJournal journal;
    private final ImportUnit unit;
    private final EventStore eventStore;

    JournalImport(@Qualifier("defaultAxonObjectMapper") ObjectMapper events, StoredJournal journal, ImportUnit unit,
                  EventStore eventStore) {
        this.events = events;
        this.journal = journal;
        this.unit = unit;
        this.eventStore = eventStore;
    }

    /** The id a contact of the file gets when its own is another journal's: the same on every repeat. */
    static UUID ownIdFor(UUID importId, UUID contactId) {
        return UUID.nameUUIDFromBytes(("rapport-import-contact\n" + importId + "\n" + contactId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id an interview, follow-up, job inquiry or commitment of a contact given an id of its own
     * gets: read models know them by their ids across journals, so a copy of a journal's contact
     * must not reuse its members' ids either.
     */
    static UUID memberIdFor(UUID importId, UUID contactId, UUID memberId) {
        return UUID.nameUUIDFromBytes(("rapport-import-member\n" + importId + "\n" + contactId + "\n" + memberId)
                .getBytes(StandardCharsets.UTF_8));
    }

    ImportAnswer run(ImportFile file, boolean dryRun) {
        long started = System.nanoTime();
        List<JournalLine> lines = JournalFile.read(file.text(), events);
        UUID importId = file.importId();
        String owner = file.owner();
        log.info("Import {} (events) by {}: {} events read in {} ms{}", importId, owner, lines.size(),
                (System.nanoTime() - started) / 1_000_000, dryRun ? ", a dry run" : "");
        Replay replay = new Replay(importId, owner, lines);
        ImportUnit.Stored stored = unit.run(owner, importId,
                dryRun ? ImportUnit.DryRun.DECIDED_BY_AGGREGATES : null, replay::run);
        log.info("Import {} {}: {} events stored again, {} unchanged, {} skipped in {} ms", importId,
                stored.stored() ? "stored" : "tried, nothing stored", replay.created, replay.unchanged,
                replay.skipped, (System.nanoTime() - started) / 1_000_000);
        return new ImportAnswer(importId, ImportFormat.EVENTS.formatName(), lines.size(), replay.created,
                replay.unchanged, replay.skipped, List.of(), stored.position(), dryRun, List.of());
    }

    /** One import's pass over the lines, with what it learnt of the journal on the way. */
    private final class Replay {

        private final UUID importId;
        private final String owner;
        private final List<JournalLine> lines;
        private final Map<UUID, UUID> ids = new HashMap<>();
        private final Set<UUID> known = new HashSet<>();
        private final Set<UUID> failed = new HashSet<>();
        private final Set<UUID> begun = new HashSet<>();
        private final Map<UUID, JournalLine> referredAdded = new HashMap<>();
        private final Set<UUID> referredCreated = new HashSet<>();
        private final Set<String> amended = new HashSet<>();
        private final Map<String, String> entryIds = new HashMap<>();
        private boolean profileKnown;
        private ImportBatch batch;
        int created;
        int unchanged;
        int skipped;

        Replay(UUID importId, String owner, List<JournalLine> lines) {
            this.importId = importId;
            this.owner = owner;
            this.lines = lines;
        }

        void run(ImportBatch batch) {
            this.batch = batch;
            learnTheJournal();
            int done = 0;
            for (JournalLine line : lines) {
                replay(line);
                if (++done % ImportLimits.PROGRESS_EVERY == 0) {
                    log.info("Import {}: {} of {} events decided", importId, done, lines.size());
                }
            }
        }

        private void learnTheJournal() {
            Set<UUID> contacts = new LinkedHashSet<>();
            for (JournalLine line : lines) {
                if (line.event() instanceof ContactEvent event && event.contactId() != null) {
                    contacts.add(event.contactId());
                }
                if (line.event() instanceof ReferralReceived referral) {
                    contacts.add(referral.referredContactId());
                }
                if (line.event() instanceof ReferralLinked link && link.referredContactId() != null) {
                    contacts.add(link.referredContactId());
                }
                if (line.event() instanceof ContactAdded added && added.referredBy() != null) {
                    referredAdded.put(added.contactId(), line);
                }
                if (line.event() instanceof EntryCorrected correction) {
                    amended.add(correction.entryId());
                }
                if (line.event() instanceof EntryRetracted retraction) {
                    amended.add(retraction.entryId());
                }
            }
            Map<UUID, String> owners = journal.ownersOf(contacts);
            Map<UUID, UUID> ownIds = new HashMap<>();
            for (UUID contact : contacts) {
                String stored = owners.get(contact);
                if (owner.equals(stored)) {
                    known.add(contact);
                } else if (stored == null) {
                    ids.put(contact, contact);
                } else {
                    UUID own = ownIdFor(importId, contact);
                    ids.put(contact, own);
                    ownIds.put(own, contact);
                }
            }
            journal.ownersOf(ownIds.keySet()).forEach((own, stored) -> {
                if (owner.equals(stored)) {
                    known.add(ownIds.get(own));
                }
            });
            profileKnown = journal.hasProfile(owner);
        }

        private void replay(JournalLine line) {
            JournalEvent event = line.event();
            if (event instanceof NetworkerEvent) {
                replayNetworker(line);
            } else if (event instanceof ReferralReceived referral) {
                replayReferral(line, referral);
            } else if (event instanceof ContactAdded added && referredAdded.containsKey(added.contactId())
                    && referredCreated.contains(added.contactId())) {
                created++;
            } else if (event instanceof CommitmentKept kept && kept.followUpId() != null
                    && begun.contains(kept.contactId()) && !failed.contains(kept.contactId())) {
                // the follow-up that kept it, sent again with its keeps, kept it again
                created++;
            } else if (event instanceof ContactEvent contactEvent) {
                UUID contact = contactEvent.contactId();
                if (contact == null) {
                    batch.refuse(new RowError(line.line(), "payload", "names no contactId"));
                } else if (known.contains(contact)) {
                    unchanged++;
                } else if (!failed.contains(contact)) {
                    Object command = commandFor(line, contactEvent, ids.get(contact));
                    if (command == null) {
                        batch.refuse(new RowError(line.line(), "type", line.type() + " cannot be imported"));
                        failed.add(contact);
                    } else if (send(line, ids.get(contact), command)) {
                        created++;
                        begun.add(contact);
                        rememberEntry(line, ids.get(contact), false);
                    } else {
                        failed.add(contact);
                    }
                }
            }
        }

        private void replayNetworker(JournalLine line) {
            if (!(line.event() instanceof ProfileSet profile)) {
                skipped++;
            } else if (profileKnown) {
                unchanged++;
            } else if (batch.send(line.line(), line.type(), owner, new SetProfile(owner, profile.displayName(),
                    profile.school(), profile.program(), profile.interests(), profile.at()))) {
                created++;
            }
        }

        // A referral creates the referred contact with it, as ReferContact does; its ContactAdded line counts then.
        private void replayReferral(JournalLine line, ReferralReceived referral) {
            UUID referrer = referral.contactId();
            UUID referred = referral.referredContactId();
            if (known.contains(referrer) || known.contains(referred)) {
                unchanged++;
                return;
            }
            if (failed.contains(referrer)) {
                failed.add(referred);
                return;
            }
            if (begun.contains(referred)) {
                batch.refuse(new RowError(line.line(), line.type(), "comes after events of the contact it refers; "
                        + "a journal's events must be in the order they were recorded"));
                failed.add(referrer);
                return;
            }
            JournalLine addedLine = referredAdded.get(referred);
            ContactDetails details = addedLine != null ? ((ContactAdded) addedLine.event()).details()
                    : new ContactDetails(referral.referredName(), null, null, null, null, null, null, null, null);
            batch.touches(ids.get(referred).toString());
            if (send(line, ids.get(referrer), new ReferContact(ids.get(referrer), owner, ids.get(referred), details,
                    referral.at()))) {
                created++;
                begun.add(referrer);
                begun.add(referred);
                referredCreated.add(referred);
                rememberEntry(line, ids.get(referrer), false);
                if (addedLine != null) {
                    rememberEntry(addedLine, ids.get(referred), true);
                }
            } else {
                failed.add(referrer);
                failed.add(referred);
            }
        }

        private boolean send(JournalLine line, UUID contact, Object command) {
            return batch.send(line.line(), line.type(), contact.toString(), command);
        }

        /**
         * The new id of an event a correction or retraction in the file names, once it is decided
         * again: the contact's latest event of the line's type (a command may append more than one,
         * a follow-up the commitments it keeps), or for a contact a referral created, its first.
         */
        private void rememberEntry(JournalLine line, UUID contact, boolean first) {
            if (line.eventId() == null || !amended.contains(line.eventId())) {
                return;
            }
            DomainEventStream stream = eventStore.readEvents(contact.toString());
            DomainEventMessage<?> event = null;
            while (stream.hasNext()) {
                DomainEventMessage<?> next = stream.next();
                if (next.getPayloadType() == line.event().getClass()) {
                    event = next;
                    if (first) {
                        break;
                    }
                }
            }
            if (event != null) {
                entryIds.put(line.eventId(), event.getIdentifier());
            }
        }

        /** A member's id in the importer's journal: its own when its contact kept its id. */
        private UUID member(ContactEvent event, UUID memberId) {
            UUID contact = event.contactId();
            return memberId == null || contact.equals(ids.get(contact)) ? memberId
                    : memberIdFor(importId, contact, memberId);
        }

        private List<UUID> members(ContactEvent event, List<UUID> memberIds) {
            return memberIds.stream().map(memberId -> member(event, memberId)).toList();
        }

        private Object commandFor(JournalLine line, ContactEvent event, UUID id) {
            if (event instanceof ContactAdded e) {
                Provenance provenance = e.provenance() != null ? e.provenance()
                        : new Provenance(importId, ImportFormat.EVENTS.formatName(), line.line());
                return new AddContact(id, owner, e.details(), e.source(), e.at(), provenance);
            }
            if (event instanceof ContactDetailsChanged e) {
                return new ChangeContactDetails(id, owner, e.details(), e.at());
            }
            if (event instanceof FollowUpCadenceSet e) {
                return new SetFollowUpCadence(id, owner, e.days(), e.at());
            }
            if (event instanceof ContactArchived e) {
                return new ArchiveContact(id, owner, e.at());
            }
            if (event instanceof ContactRestored e) {
                return new RestoreContact(id, owner, e.at());
            }
            if (event instanceof FollowUpLogged e) {
                return new LogFollowUp(id, owner, member(e, e.followUpId()), e.kind(), e.channel(), e.note(), e.at(),
                        members(e, e.keeps()));
            }
            if (event instanceof ReferralLinked e) {
                return new LinkReferral(id, owner, ids.getOrDefault(e.referredContactId(), e.referredContactId()),
                        e.at());
            }
            if (event instanceof CommitmentMade e) {
                return new MakeCommitment(id, owner, member(e, e.commitmentId()), member(e, e.interviewId()), e.promise(),
                        e.dueBy(), e.at());
            }
            if (event instanceof CommitmentKept e) {
                return new KeepCommitment(id, owner, member(e, e.commitmentId()), e.note(), e.at());
            }
            if (event instanceof CommitmentDropped e) {
                return new DropCommitment(id, owner, member(e, e.commitmentId()), e.reason(), e.at());
            }
            if (event instanceof JobInquiryMade e) {
                // inquiries recorded before they had ids get one fixed by the line's event
                UUID inquiryId = e.inquiryId() != null ? e.inquiryId() : UUID.nameUUIDFromBytes(
                        ("rapport-import-inquiry\n" + importId + "\n" + line.line()).getBytes(StandardCharsets.UTF_8));
                return new AskAboutOpenings(id, owner, member(e, inquiryId), e.note(), e.early(), e.at());
            }
            if (event instanceof InterviewRequested e) {
                return new RequestInterview(id, owner, member(e, e.interviewId()), e.channel(), e.durationMinutes(), e.purpose(),
                        e.message(), e.at());
            }
            if (event instanceof InterviewAccepted e) {
                return new RecordResponse(id, owner, member(e, e.interviewId()), ResponseOutcome.ACCEPTED, e.note(), e.at());
            }
            if (event instanceof InterviewDeclined e) {
                return new RecordResponse(id, owner, member(e, e.interviewId()), ResponseOutcome.DECLINED, e.note(), e.at());
            }
            if (event instanceof InterviewRequestUnanswered e) {
                return new RecordResponse(id, owner, member(e, e.interviewId()), ResponseOutcome.NO_RESPONSE, e.note(),
                        e.at());
            }
            if (event instanceof InterviewScheduled e) {
                return new ScheduleInterview(id, owner, member(e, e.interviewId()), e.scheduledFor(), e.mode(), e.location(),
                        e.at());
            }
            if (event instanceof InterviewPrepared e) {
                return new PrepareInterview(id, owner, member(e, e.interviewId()), e.questions(), e.researchNotes(),
                        e.recordingPermissionAsked(), e.at());
            }
            if (event instanceof InterviewHeld e) {
                return new HoldInterview(id, owner, member(e, e.interviewId()), e.at(), e.actualMinutes(), e.notes(),
                        e.checklist());
            }
            if (event instanceof ThankYouSent e) {
                return new SendThankYou(id, owner, member(e, e.interviewId()), e.channel(), e.note(), e.at());
            }
            if (event instanceof InterviewCancelled e) {
                return new CancelInterview(id, owner, member(e, e.interviewId()), e.reason(), e.at());
            }
            if (event instanceof NudgeSent e) {
                return new SendNudge(id, owner, member(e, e.interviewId()), e.channel(), e.note(), e.at());
            }
            if (event instanceof EntryCorrected e) {
                return new CorrectEntry(id, owner, entryIds.getOrDefault(e.entryId(), e.entryId()), e.changes(),
                        e.reason(), e.at());
            }
            if (event instanceof EntryRetracted e) {
                return new RetractEntry(id, owner, entryIds.getOrDefault(e.entryId(), e.entryId()), e.reason(),
                        e.at());
            }
            // an erased contact's events are exported with their personal data erased; imported, it is erased here too
            if (event instanceof ContactErased e) {
                return new EraseContact(id, owner, e.reason(), e.at());
            }
            return null;
        }
    }
}

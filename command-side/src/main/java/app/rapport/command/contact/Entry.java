package app.rapport.command.contact;

import app.rapport.command.RuleViolation;
import app.rapport.events.ContactEvent;
import app.rapport.events.Corrections;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.values.EntryChanges;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One recorded event of a contact's journal as it now reads: with its corrections applied, and
 * whether it was retracted. What a correction may change is {@link Corrections}'s to say; an
 * entry only asks it.
 */
record Entry(ContactEvent event, boolean retracted) {

    /** The order in which refusals list an entry's fields. */
    private static final List<String> FIELD_ORDER = List.of(Corrections.AT, Corrections.HELD_AT,
            Corrections.ACTUAL_MINUTES, Corrections.NOTE, Corrections.NOTES, Corrections.CHANNEL);

    /** What to do instead, for the entries that cannot be corrected. */
    private static final Map<Class<?>, String> INSTEAD_OF_CORRECTING = Map.ofEntries(
            Map.entry(ContactAdded.class, "change the contact's details instead"),
            Map.entry(ContactDetailsChanged.class, "change the contact's details again instead"),
            Map.entry(FollowUpCadenceSet.class, "set the cadence again instead"),
            Map.entry(ContactArchived.class, "restore the contact instead"),
            Map.entry(ContactRestored.class, "archive the contact instead"),
            Map.entry(ReferralReceived.class,
                    "the person referred is a contact of their own; change their details instead"),
            Map.entry(EntryCorrected.class, "correct the entry it corrected once more instead"),
            Map.entry(EntryRetracted.class, "a retraction stands; record the entry again instead"),
            // not correctable yet: the simplest honest answer until commitments can be reopened
            Map.entry(CommitmentMade.class,
                    "commitments cannot be corrected yet; drop it and make the commitment again instead"),
            Map.entry(CommitmentKept.class,
                    "commitments cannot be corrected or reopened yet; make a new commitment if the promise still stands"),
            Map.entry(CommitmentDropped.class,
                    "commitments cannot be corrected or reopened yet; make a new commitment if the promise still stands"));

    static Entry recorded(ContactEvent event) {
        return new Entry(event, false);
    }

    /** The simple name of the entry's event, as corrections and retractions name it. */
    String type() {
        return event.getClass().getSimpleName();
    }

    /** Not retracted: it counts for every rule and every view. */
    boolean stands() {
        return !retracted;
    }

    /** The entry as it reads once this correction is applied; as it was for changes it cannot take. */
    Entry correctedBy(EntryChanges changes) {
        return Corrections.applied(event, changes)
                .map(corrected -> new Entry((ContactEvent) corrected, retracted))
                .orElse(this);
    }

    Entry asRetracted() {
        return new Entry(event, true);
    }

    /**
     * The entry's event as these changes would make it read, or the refusal: an entry that cannot
     * be corrected, a retracted one, no corrected value at all, or a field the entry does not have.
     */
    ContactEvent correctionBy(EntryChanges changes, String asked) {
        Set<String> fields = Corrections.fieldsOf(event);
        if (fields.isEmpty()) {
            throw new RuleViolation("not-correctable", "Cannot %s: it records %s, which cannot be corrected; %s."
                    .formatted(asked, type(), INSTEAD_OF_CORRECTING.getOrDefault(event.getClass(),
                            "interview steps, nudges, follow-ups and job inquiries can be corrected")));
        }
        if (retracted) {
            throw new RuleViolation("not-correctable",
                    "Cannot %s: the %s was retracted; a retracted entry cannot be corrected, record it again instead."
                            .formatted(asked, type()));
        }
        if (changes == null || changes.changesNothing()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: no corrected value was given; %s has %s to correct."
                            .formatted(asked, type(), listed(fields)));
        }
        Set<String> named = Corrections.named(changes);
        if (!fields.containsAll(named)) {
            throw new RuleViolation("not-correctable", "Cannot %s: %s asked, but %s has only %s to correct."
                    .formatted(asked, listed(named), type(), listed(fields)));
        }
        return (ContactEvent) Corrections.applied(event, changes).orElseThrow(() -> new RuleViolation(
                "not-correctable", "Cannot %s: at and heldAt name two different times; give the time it was held once."
                        .formatted(asked)));
    }

    /** The refusal for an entry that cannot be retracted, saying why and what can be. */
    static RuleViolation notRetractable(String asked, String why) {
        return new RuleViolation("not-retractable",
                "Cannot %s: %s; a follow-up, a job inquiry, a nudge or the latest step of an interview can be retracted."
                        .formatted(asked, why));
    }

    private static String listed(Set<String> fields) {
        return String.join(", ", FIELD_ORDER.stream().filter(fields::contains).toList());
    }
}

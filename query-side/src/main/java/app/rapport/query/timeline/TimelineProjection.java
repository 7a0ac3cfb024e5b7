package app.rapport.query.timeline;

import java.util.UUID;
import java.util.function.Predicate;

import app.rapport.events.contact.ContactErased;
import app.rapport.platform.PracticeSettings;
import app.rapport.platform.privacy.Erasures;
import app.rapport.query.support.AmendedHistory;
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.Rederivation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores each contact's timeline by folding every contact event into the contact's stored
 * {@link TimelineState} with {@link Timeline#next}. A correction or a retraction changes entries
 * recorded before it and the flags of those after them, so it folds the contact's stream again
 * up to itself ({@link Timeline#fold}) and replaces the contact's entries and state. An event at
 * or below the last folded sequence number is a repeat and changes nothing; entries are keyed by
 * event identifier. States are read and written, and entries added, per batch of events
 * ({@link TimelineBatch}). A forgotten contact ({@link ContactErased}) has no timeline any more, and
 * the referrals that named it read its name as erased, as a replay derives them.
 */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
class TimelineProjection {

    static final String GROUP = "timeline";

    private final JdbcTemplate jdbc;
    private final PracticeSettings practice;
    private final Rederivation rederivation;
    private final Predicate<UUID> erasedContact;

    @Autowired
    TimelineProjection(JdbcTemplate jdbc, PracticeSettings practice, Rederivation rederivation, Erasures erasures) {
        this(jdbc, practice, rederivation, erasures::isContactErased);
    }

    /**
     * @param erasedContact whether a contact is erased, asked of a referral about to be written: its
     *        erasure may have been handled first, on another segment's thread, and found nothing
     *        of it to blank; folds of one journal in one thread pass none, since they meet the
     *        erasure in the store's order
     */
    TimelineProjection(JdbcTemplate jdbc, PracticeSettings practice, Rederivation rederivation,
                       Predicate<UUID> erasedContact) {
        this.jdbc = jdbc;
        this.practice = practice;
        this.rederivation = rederivation;
        this.erasedContact = erasedContact;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, @SequenceNumber long sequence) {
        EventSubject.of(payload).filter(EventSubject::aboutContact).ifPresent(subject -> {
            TimelineBatch batch = TimelineBatch.of(this, jdbc, erasedContact);
            TimelineStateRow row = batch.state(subject);
            if (row.alreadyApplied(sequence) || !row.ownerId().equals(subject.ownerId())) {
                return;
            }
            if (payload instanceof ContactErased) {
                batch.erase(subject);
                return;
            }
            if (AmendedHistory.isAmendment(payload)) {
                Timeline.Fold fold = Timeline.fold(rederivation.recordedThrough(subject.contactId(), sequence),
                        practice);
                fold.entries().forEach(batch::add);
                batch.advanced(row.advance(fold.state(), sequence));
                return;
            }
            Timeline.Step step = Timeline.next(row.state(), Timeline.Recorded.of(message, sequence), practice);
            step.entry().ifPresent(batch::add);
            batch.advanced(row.advance(step.state(), sequence));
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM timeline_entry");
        jdbc.update("DELETE FROM timeline_state");
    }
}

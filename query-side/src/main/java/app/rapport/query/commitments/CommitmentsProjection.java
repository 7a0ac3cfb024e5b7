package app.rapport.query.commitments;

import java.util.function.Consumer;

import app.rapport.events.ContactEvent;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.Rederivation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The commitments ledger: each promise made to a contact, and how it was kept (on its own, or by
 * a follow-up, whose {@code CommitmentKept} names it) or dropped. Events at or below the contact's
 * last applied sequence number change nothing. A correction or a retraction of a contact with
 * promises re-derives its rows from its amended history through these same handlers
 * ({@link Rederivation}); none can amend a promise yet (the command side refuses it), so for a
 * contact without promises it only moves the sequence on. Rows are read, changed and written per
 * batch of events ({@link CommitmentsBatch}).
 */
@Component
@ProcessingGroup(CommitmentsProjection.GROUP)
class CommitmentsProjection {

    static final String GROUP = "commitments";

    private final JdbcTemplate jdbc;
    private final Rederivation rederivation;
    private final EventMessageHandler handlers;

    CommitmentsProjection(JdbcTemplate jdbc, Rederivation rederivation) {
        this.jdbc = jdbc;
        this.rederivation = rederivation;
        this.handlers = new AnnotationEventHandlerAdapter(this);
    }

    /** The contact is known from its first event, so that its ledger is found, empty, before any promise. */
    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        CommitmentContact contact = batch().contact(event.ownerId(), event.contactId())
                .orElseGet(() -> CommitmentContact.added(event.contactId(), event.ownerId()));
        if (!contact.alreadyApplied(sequence)) {
            batch().changed(contact.applied(sequence));
        }
    }

    @EventHandler
    void on(CommitmentMade event, @SequenceNumber long sequence) {
        change(event, sequence, batch -> batch.save(CommitmentRow.made(event)));
    }

    @EventHandler
    void on(CommitmentKept event, @SequenceNumber long sequence) {
        change(event, sequence, batch -> batch.commitment(event.contactId(), event.commitmentId())
                .ifPresent(row -> batch.save(row.keptBy(event))));
    }

    @EventHandler
    void on(CommitmentDropped event, @SequenceNumber long sequence) {
        change(event, sequence, batch -> batch.commitment(event.contactId(), event.commitmentId())
                .ifPresent(row -> batch.save(row.droppedBy(event))));
    }

    @EventHandler
    void on(EntryCorrected event, @SequenceNumber long sequence) {
        rederivation.rederive(batch(), handlers, event, sequence, batch()::hasCommitments);
    }

    @EventHandler
    void on(EntryRetracted event, @SequenceNumber long sequence) {
        rederivation.rederive(batch(), handlers, event, sequence, batch()::hasCommitments);
    }

    /** The promises to a forgotten contact go with their words; the practice report keeps the facts. */
    @EventHandler
    void on(ContactErased event, @SequenceNumber long sequence) {
        batch().contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> batch().forget(new EventSubject(event.ownerId(), event.contactId())));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commitment");
        jdbc.update("DELETE FROM commitment_contact");
    }

    private CommitmentsBatch batch() {
        return CommitmentsBatch.of(this, jdbc);
    }

    /** Loads the contact, skips a repeat, applies the change, and moves the contact's sequence on. */
    private void change(ContactEvent event, long sequence, Consumer<CommitmentsBatch> change) {
        batch().contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> {
                    change.accept(batch());
                    batch().changed(contact.applied(sequence));
                });
    }
}

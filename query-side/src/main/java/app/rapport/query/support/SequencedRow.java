package app.rapport.query.support;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A read-model row that follows one aggregate's stream and remembers the last sequence number
 * it applied, so an event delivered again (a replay, a retried batch) is recognised and skipped.
 */
@MappedSuperclass
public abstract class SequencedRow<ID> extends StoredRow<ID> {

    @Column(name = "last_sequence")
    private long lastSequence = -1;

    /** An event at or below the last applied sequence number was applied already. */
    public boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    public void applied(long sequence) {
        this.lastSequence = sequence;
    }

    public long lastSequence() {
        return lastSequence;
    }

    /** For a row read outside JPA: what it has applied. */
    protected void restored(long lastSequence) {
        this.lastSequence = lastSequence;
    }
}

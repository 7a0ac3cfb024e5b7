package app.rapport.query.mentors;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import app.rapport.query.support.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One networker's grant of read access to one mentor, kept (inactive) after a revoke. */
@Entity
@Table(name = "mentor_grant")
@IdClass(MentorGrant.Key.class)
class MentorGrant extends StoredRow<MentorGrant.Key> {

    /** The composite id; a class rather than a record because JPA sets its fields. */
    static class Key implements Serializable {
        private String networkerId;
        private String mentor;

        protected Key() {
        }

        Key(String networkerId, String mentor) {
            this.networkerId = networkerId;
            this.mentor = mentor;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(networkerId, key.networkerId)
                    && Objects.equals(mentor, key.mentor);
        }

        @Override
        public int hashCode() {
            return Objects.hash(networkerId, mentor);
        }
    }

    @Id
    @Column(name = "networker_id")
    private String networkerId;
    @Id
    private String mentor;
    private boolean active;
    @Column(name = "changed_at")
    private Instant changedAt;
    @Column(name = "last_sequence")
    private long lastSequence;

    protected MentorGrant() {
    }

    MentorGrant(String networkerId, String mentor) {
        this.networkerId = networkerId;
        this.mentor = mentor;
        this.lastSequence = -1;
    }

    /** Applies a grant or revoke once: an event at or below the last applied sequence is a repeat. */
    boolean apply(long sequence, boolean granted, Instant at) {
        if (sequence <= lastSequence) {
            return false;
        }
        this.active = granted;
        this.changedAt = at;
        this.lastSequence = sequence;
        return true;
    }

    @Override
    public Key getId() {
        return new Key(networkerId, mentor);
    }

    String networkerId() {
        return networkerId;
    }

    String mentor() {
        return mentor;
    }

    boolean active() {
        return active;
    }

    Instant changedAt() {
        return changedAt;
    }
}

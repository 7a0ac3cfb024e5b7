package app.rapport.query.mentors;

import java.time.Instant;
import java.util.Optional;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * One networker's grant of read access to one mentor, kept (inactive) after a revoke so that an
 * older grant delivered again cannot revive it.
 *
 * @param lastSequence the networker's last event applied to this grant; -1 before any
 */
record MentorGrant(String networkerId, String mentor, boolean active, Instant changedAt, long lastSequence) {

    static final RowMapper<MentorGrant> MAPPER = (row, n) -> new MentorGrant(row.getString("networker_id"),
            row.getString("mentor"), row.getBoolean("active"), Sql.instant(row, "changed_at"),
            row.getLong("last_sequence"));

    static final Upsert<MentorGrant> UPSERT = new Upsert<>("""
            INSERT INTO mentor_grant (networker_id, mentor, active, changed_at, last_sequence) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (networker_id, mentor) DO UPDATE SET active = EXCLUDED.active,
                changed_at = EXCLUDED.changed_at, last_sequence = EXCLUDED.last_sequence""",
            (statement, grant) -> {
                statement.setString(1, grant.networkerId());
                statement.setString(2, grant.mentor());
                statement.setBoolean(3, grant.active());
                statement.setTimestamp(4, Sql.timestamp(grant.changedAt()));
                statement.setLong(5, grant.lastSequence());
            });

    /** Which grant a row is: the networker who gave it and the mentor who holds it. */
    record Key(String networkerId, String mentor) {
    }

    /** A grant never given, for the first event about it. */
    static MentorGrant none(String networkerId, String mentor) {
        return new MentorGrant(networkerId, mentor, false, null, -1);
    }

    Key key() {
        return new Key(networkerId, mentor);
    }

    /** The grant after a grant or revoke; empty when the event is at or below the last applied one. */
    Optional<MentorGrant> apply(long sequence, boolean granted, Instant at) {
        return sequence <= lastSequence ? Optional.empty()
                : Optional.of(new MentorGrant(networkerId, mentor, granted, at, sequence));
    }
}

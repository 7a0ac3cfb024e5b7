package app.rapport.query.mentors;

import java.time.Instant;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps who may read whose journal, from the networker's grants and revokes. Grants are read,
 * changed and written per batch of events ({@link MentorsBatch}).
 */
@Component
@ProcessingGroup(MentorsProjection.GROUP)
class MentorsProjection {

    static final String GROUP = "mentors";

    private final JdbcTemplate jdbc;

    MentorsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MentorAccessGranted event, @SequenceNumber long sequence) {
        apply(event.networkerId(), event.mentor(), sequence, true, event.at());
    }

    @EventHandler
    void on(MentorAccessRevoked event, @SequenceNumber long sequence) {
        apply(event.networkerId(), event.mentor(), sequence, false, event.at());
    }

    private void apply(String networkerId, String mentor, long sequence, boolean granted, Instant at) {
        MentorsBatch batch = MentorsBatch.of(this, jdbc);
        batch.grant(networkerId, mentor).apply(sequence, granted, at).ifPresent(batch::changed);
    }

    /**
     * The account is gone: every grant it gave ends, and the rows naming its mentors go with it
     * (a replay, which reads those names as erased, deletes its rows just the same).
     */
    @EventHandler
    void on(AccountErased event) {
        MentorsBatch.of(this, jdbc).eraseAll(event.networkerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM mentor_grant");
    }
}

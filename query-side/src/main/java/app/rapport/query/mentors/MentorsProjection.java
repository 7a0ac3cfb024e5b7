package app.rapport.query.mentors;

import java.time.Instant;

import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Keeps who may read whose journal, from the networker's grants and revokes. */
@Component
@ProcessingGroup(MentorsProjection.GROUP)
class MentorsProjection {

    static final String GROUP = "mentors";

    private final MentorGrantRepository grants;

    MentorsProjection(MentorGrantRepository grants) {
        this.grants = grants;
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
        MentorGrant grant = grants.findByNetworkerIdAndMentor(networkerId, mentor)
                .orElseGet(() -> new MentorGrant(networkerId, mentor));
        if (grant.apply(sequence, granted, at)) {
            grants.save(grant);
        }
    }

    @ResetHandler
    void reset() {
        grants.deleteAllInBatch();
    }
}

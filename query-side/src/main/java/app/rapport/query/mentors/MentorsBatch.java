package app.rapport.query.mentors;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.Sql;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grants one batch of events touches: every grant of the networkers the batch names, read in
 * one statement, and the changed ones written back in one batched upsert, after those of erased
 * networkers are deleted.
 */
final class MentorsBatch extends ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final Map<MentorGrant.Key, MentorGrant> grants = new HashMap<>();
    private final Map<MentorGrant.Key, MentorGrant> changed = new LinkedHashMap<>();
    private final Set<String> erased = new LinkedHashSet<>();

    private MentorsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<String> networkers = events.stream().map(EventMessage::getPayload).map(payload ->
                        payload instanceof MentorAccessGranted grant ? grant.networkerId()
                                : payload instanceof MentorAccessRevoked revoke ? revoke.networkerId()
                                : payload instanceof AccountErased erased ? erased.networkerId() : null)
                .filter(networker -> networker != null).collect(Collectors.toSet());
        Sql.ofOwners(jdbc, "SELECT * FROM mentor_grant WHERE networker_id = ANY(?)", networkers, MentorGrant.MAPPER)
                .forEach(grant -> grants.put(grant.key(), grant));
    }

    static MentorsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new MentorsBatch(jdbc, events));
    }

    MentorGrant grant(String networkerId, String mentor) {
        return grants.getOrDefault(new MentorGrant.Key(networkerId, mentor), MentorGrant.none(networkerId, mentor));
    }

    void changed(MentorGrant grant) {
        grants.put(grant.key(), grant);
        changed.put(grant.key(), grant);
    }

    /**
     * Drops every grant the networker gave, as read and as changed so far; the stored rows (which
     * name the mentors, the networker's personal data) are deleted when the batch writes.
     */
    void eraseAll(String networkerId) {
        grants.keySet().removeIf(key -> key.networkerId().equals(networkerId));
        changed.keySet().removeIf(key -> key.networkerId().equals(networkerId));
        erased.add(networkerId);
    }

    @Override
    protected void write() {
        if (!erased.isEmpty()) {
            jdbc.update("DELETE FROM mentor_grant WHERE networker_id = ANY(?)", Sql.varcharArray(erased.toArray()));
        }
        MentorGrant.UPSERT.write(jdbc, changed.values());
    }
}

package app.rapport.query.mentors;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import org.junit.jupiter.api.Test;

class MentorTablesTest extends TableMappingTest {

    @Test
    void mentorGrant_hasOneMappingToTheSchema() {
        String networker = "grantor-" + UUID.randomUUID();
        assertOneMapping("mentor_grant",
                new MentorGrant(networker, "prof-lee", true, Instant.parse("2026-01-05T09:00:00.123456Z"), 7),
                MentorGrant.UPSERT, MentorGrant.MAPPER, "networker_id", networker);
    }
}

package app.rapport.query.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MentorsProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    MentorsProjection projection;

    @Test
    void grant_letsTheMentorRead_andRevoke_takesItBack() {
        Journal journal = journal();
        journal.grant("prof-lee", T0);
        awaitProjections();
        assertThat(grantStands(journal.owner(), "prof-lee")).isTrue();

        journal.revoke("prof-lee", T0.plusSeconds(60));
        awaitProjections();
        assertThat(grantStands(journal.owner(), "prof-lee")).isFalse();
    }

    @Test
    void appliedTwice_changesNothing_andAnOldGrantDoesNotReviveARevokedOne() {
        Journal journal = journal();
        journal.grant("prof-lee", T0);
        journal.revoke("prof-lee", T0.plusSeconds(60));
        journal.grant("advisor-kim", T0.plusSeconds(120));
        awaitProjections();
        var before = dump("mentor_grant");

        redeliver(projection, journal.owner());

        assertThat(dump("mentor_grant")).isEqualTo(before);
        assertThat(grantStands(journal.owner(), "prof-lee")).isFalse();
    }

    /** The read model's row, as {@code GET /api/mentees} reads it. */
    private boolean grantStands(String mentee, String mentor) {
        return jdbc.queryForObject("SELECT count(*) FROM mentor_grant WHERE networker_id = ? AND mentor = ? AND active",
                Integer.class, mentee, mentor) == 1;
    }
}

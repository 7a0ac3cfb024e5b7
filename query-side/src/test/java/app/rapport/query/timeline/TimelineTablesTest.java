package app.rapport.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;

class TimelineTablesTest extends TableMappingTest {

    static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456Z");

    @Test
    void timelineState_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        TimelineState state = new TimelineState(Channel.PHONE, "the reading room",
                Map.of(interview, new TimelineState.InterviewFacts(30, true, AT, true)),
                Map.of(UUID.randomUUID(), new TimelineState.CommitmentFacts("send the article", interview, AT)));
        assertOneMapping("timeline_state", new TimelineStateRow(contact, "owner-a", state, 4),
                TimelineStateRow.UPSERT, TimelineStateRow.MAPPER, "contact_id", contact);
    }

    @Test
    void aStateStoredBeforeThePreferredPlaceAndGivingUpWereRemembered_readsWithoutThem() {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.update("INSERT INTO timeline_state (contact_id, owner_id, state, last_sequence) VALUES (?, ?, ?::jsonb, 3)",
                    contact, "owner-a", """
                            {"preferredChannel": "EMAIL", "interviews": {"%s": {"agreedMinutes": 30, "prepared": true,
                             "heldAt": "2026-01-05T09:00:00.123456Z"}}}""".formatted(interview));

            TimelineStateRow row = jdbc.queryForObject("SELECT * FROM timeline_state WHERE contact_id = ?",
                    TimelineStateRow.MAPPER, contact);

            assertThat(row.state()).isEqualTo(new TimelineState(Channel.EMAIL, null,
                    Map.of(interview, new TimelineState.InterviewFacts(30, true, AT, false))));
        });
    }

    @Test
    void timelineEntry_hasOneMappingToTheSchema() {
        String event = UUID.randomUUID().toString();
        TimelineEntry entry = new TimelineEntry(event, "owner-a", UUID.randomUUID(), 3, AT, AT.plusSeconds(60),
                "InterviewHeld", "Held a 40-minute interview (30 agreed)", UUID.randomUUID(),
                Map.of("agreedMinutes", 30, "notes", "went well"), List.of(Flag.OVERRAN, Flag.UNPREPARED));
        assertOneMapping("timeline_entry", entry, TimelineEntry.UPSERT, TimelineEntry.MAPPER, "event_id", event);
    }
}

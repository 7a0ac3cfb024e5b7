package app.rapport.query.calendar;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.values.Channel;
import org.springframework.jdbc.core.RowMapper;

/**
 * An interview with a time in the calendar, as the contacts read model has it.
 *
 * @param durationMinutes the agreed time box
 * @param location where, as scheduled; null when only the mode was given
 * @param held whether it took place: it stays in the calendar where it was
 */
record ScheduledInterview(UUID interviewId, UUID contactId, String contactName, String organization,
                          Instant scheduledFor, int durationMinutes, Channel mode, String location, String purpose,
                          boolean held) {

    static final RowMapper<ScheduledInterview> ROWS = (row, n) -> new ScheduledInterview(
            Sql.uuid(row, "interview_id"), Sql.uuid(row, "contact_id"), row.getString("name"),
            row.getString("organization"), Sql.instant(row, "scheduled_for"), row.getInt("duration_minutes"),
            Sql.enumOf(row, "mode", Channel.class), row.getString("location"), row.getString("purpose"),
            row.getBoolean("held"));
}

package app.rapport.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every view judges by the one set of practice windows: with non-default values the overdue view,
 * the timeline's flag, the analytics and the contact list all move together.
 */
@TestPropertySource(properties = {
        "rapport.practice.thank-you-within=PT48H",
        "rapport.practice.nudge-after=P3D",
        "rapport.practice.prepare-before=PT12H",
        "rapport.practice.keep-in-touch=P30D"})
class PracticeSettingsTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = T0.plus(Duration.ofDays(2));

    @Test
    void aThankYou36HoursAfter_isInTimeEverywhere_underA48HourWindow() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, HELD);
        awaitProjections();
        assertThat(dueAt(maya, "THANK_YOU")).isEqualTo(HELD.plus(Duration.ofHours(48)));

        Instant thanked = HELD.plus(Duration.ofHours(36));
        maya.thank(interview, thanked);
        awaitProjections();

        assertThat(jdbc.queryForObject("SELECT flags::text FROM timeline_entry WHERE contact_id = ? "
                + "AND type = 'ThankYouSent'", String.class, maya.id)).doesNotContain("LATE_THANK_YOU");
        assertThat(jdbc.queryForObject("SELECT thank_you_within_24h FROM outreach_request WHERE interview_id = ?",
                Boolean.class, interview)).isTrue();
        assertThat(jdbc.queryForObject("SELECT next_follow_up_due FROM contact WHERE contact_id = ?",
                Timestamp.class, maya.id).toInstant()).isEqualTo(thanked.plus(Duration.ofDays(30)));
    }

    @Test
    void aThankYou50HoursAfter_isLateEverywhere_underA48HourWindow() {
        var ada = journal().contact("Ada Byron", T0);
        UUID interview = ada.request(Channel.EMAIL, 30, "archives work", T0);
        ada.accept(interview, T0).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(50)));
        awaitProjections();

        assertThat(jdbc.queryForObject("SELECT flags::text FROM timeline_entry WHERE contact_id = ? "
                + "AND type = 'ThankYouSent'", String.class, ada.id)).contains("LATE_THANK_YOU");
        assertThat(jdbc.queryForObject("SELECT thank_you_within_24h FROM outreach_request WHERE interview_id = ?",
                Boolean.class, interview)).isFalse();
    }

    @Test
    void theNudgeAndThePreparation_fallDueByTheirSettings() {
        var maya = journal().contact("Maya Chen", T0);
        UUID unanswered = maya.request(Channel.EMAIL, 30, "archives work", T0);
        UUID scheduled = maya.request(Channel.EMAIL, 30, "other work", T0);
        Instant scheduledFor = T0.plus(Duration.ofDays(10));
        maya.accept(scheduled, T0).schedule(scheduled, scheduledFor, T0);
        awaitProjections();

        assertThat(dueAt(maya, "RESPONSE_NUDGE", unanswered)).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(dueAt(maya, "PREPARE", scheduled)).isEqualTo(scheduledFor.minus(Duration.ofHours(12)));
    }

    private Instant dueAt(Journal.ContactStream contact, String kind) {
        return jdbc.queryForObject("SELECT due_at FROM due_item WHERE contact_id = ? AND kind = ? AND open",
                Timestamp.class, contact.id, kind).toInstant();
    }

    private Instant dueAt(Journal.ContactStream contact, String kind, UUID interview) {
        return jdbc.queryForObject("SELECT due_at FROM due_item WHERE contact_id = ? AND kind = ? AND interview_id = ? "
                + "AND open", Timestamp.class, contact.id, kind, interview).toInstant();
    }
}

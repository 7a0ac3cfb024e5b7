package app.rapport.command.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/contacts/{id}/follow-ups}; a client-chosen {@code followUpId} makes it
 * safe to retry, and {@code keeps} names the open commitments the follow-up keeps.
 */
record LogFollowUpRequest(
        UUID followUpId,
        @NotNull FollowUpKind kind,
        @NotNull Channel channel,
        @Size(max = Limits.NOTE) String note,
        Instant at,
        @Size(max = Limits.KEEPS) List<@NotNull UUID> keeps) {
}

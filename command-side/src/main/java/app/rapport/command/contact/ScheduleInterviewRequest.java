package app.rapport.command.contact;

import java.time.Instant;

import app.rapport.values.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST .../interviews/{iid}/schedule}; {@code scheduledFor} may lie in the future. */
record ScheduleInterviewRequest(
        @NotNull Instant scheduledFor,
        @NotNull Channel mode,
        @Size(max = Limits.NAME) String location,
        Instant at) {
}

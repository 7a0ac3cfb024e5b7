package app.rapport.command.contact;

import java.time.Instant;
import java.util.UUID;

import app.rapport.values.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/contacts/{id}/interviews}: who you are, the time box and what you want to learn. */
record RequestInterviewRequest(
        UUID interviewId,
        @NotNull Channel channel,
        @NotNull @Min(Contact.MIN_DURATION_MINUTES) @Max(Contact.MAX_DURATION_MINUTES) Integer durationMinutes,
        @NotBlank @Size(max = Limits.PURPOSE) String purpose,
        @Size(max = Limits.NOTE) String message,
        Instant at) {
}

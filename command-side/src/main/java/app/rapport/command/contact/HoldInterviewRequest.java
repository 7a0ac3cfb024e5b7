package app.rapport.command.contact;

import java.time.Instant;

import app.rapport.values.InterviewChecklist;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST .../interviews/{iid}/hold}: when it took place, how long, and the checklist. */
record HoldInterviewRequest(
        @NotNull Instant heldAt,
        @NotNull @Min(Interview.MIN_ACTUAL_MINUTES) @Max(Interview.MAX_ACTUAL_MINUTES) Integer actualMinutes,
        @Size(max = Limits.NOTES) String notes,
        InterviewChecklist checklist) {
}

package app.rapport.command.contact;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST .../interviews/{iid}/preparation}: the questions and the research done. */
record PrepareInterviewRequest(
        @NotNull @Size(min = 1, max = Limits.QUESTIONS) List<@NotBlank @Size(max = Limits.QUESTION) String> questions,
        @Size(max = Limits.NOTES) String researchNotes,
        Boolean recordingPermissionAsked,
        Instant at) {
}

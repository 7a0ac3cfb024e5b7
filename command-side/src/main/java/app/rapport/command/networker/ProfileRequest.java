package app.rapport.command.networker;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/profile}: how the networker introduces themselves. */
record ProfileRequest(
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 200) String school,
        @Size(max = 200) String program,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> interests) {
}

package app.rapport.events.interview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The networker prepared questions and researched the contact before an interview. */
public record InterviewPrepared(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        List<String> questions,
        String researchNotes,
        boolean recordingPermissionAsked,
        Instant at) {

    public InterviewPrepared {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}

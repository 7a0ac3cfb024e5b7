package app.rapport.events.interview;

import app.rapport.events.ContactEvent;

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
        Instant at) implements ContactEvent {

    public InterviewPrepared {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}

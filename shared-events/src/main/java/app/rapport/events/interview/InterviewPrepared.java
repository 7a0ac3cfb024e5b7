package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The networker prepared questions and researched the contact before an interview. */
public record InterviewPrepared(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        @Personal List<String> questions,
        @Personal String researchNotes,
        boolean recordingPermissionAsked,
        Instant at) implements ContactEvent {

    public InterviewPrepared {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}

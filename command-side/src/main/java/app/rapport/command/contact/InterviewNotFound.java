package app.rapport.command.contact;

import app.rapport.command.NotFound;

import java.util.UUID;

/** The contact has no interview with the given id. */
public class InterviewNotFound extends NotFound {

    public InterviewNotFound(UUID contactId, UUID interviewId) {
        super("interview-not-found",
                "Interview %s was not found for contact %s.".formatted(interviewId, contactId));
    }
}

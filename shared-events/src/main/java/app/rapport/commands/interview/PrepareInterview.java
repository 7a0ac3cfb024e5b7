package app.rapport.commands.interview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Record the questions and research prepared for a scheduled interview. */
public record PrepareInterview(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        List<String> questions,
        String researchNotes,
        boolean recordingPermissionAsked,
        Instant at) {

    public PrepareInterview {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}

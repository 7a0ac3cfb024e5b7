package app.rapport.command.dispatch;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a successful command answers: the ids it affected, the aggregate's new {@code version}
 * (for {@code If-Match}) and {@code position} (for {@code consistentWith} on queries).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAnswer(
        UUID contactId,
        UUID interviewId,
        UUID followUpId,
        UUID inquiryId,
        UUID commitmentId,
        String username,
        long version,
        long position) {

    public static CommandAnswer forContact(UUID contactId, StreamState state) {
        return new CommandAnswer(contactId, null, null, null, null, null, state.version(), state.position());
    }

    public static CommandAnswer forInterview(UUID contactId, UUID interviewId, StreamState state) {
        return new CommandAnswer(contactId, interviewId, null, null, null, null, state.version(), state.position());
    }

    public static CommandAnswer forFollowUp(UUID contactId, UUID followUpId, StreamState state) {
        return new CommandAnswer(contactId, null, followUpId, null, null, null, state.version(), state.position());
    }

    public static CommandAnswer forInquiry(UUID contactId, UUID inquiryId, StreamState state) {
        return new CommandAnswer(contactId, null, null, inquiryId, null, null, state.version(), state.position());
    }

    public static CommandAnswer forCommitment(UUID contactId, UUID commitmentId, StreamState state) {
        return new CommandAnswer(contactId, null, null, null, commitmentId, null, state.version(), state.position());
    }

    public static CommandAnswer forNetworker(String username, StreamState state) {
        return new CommandAnswer(null, null, null, null, null, username, state.version(), state.position());
    }
}

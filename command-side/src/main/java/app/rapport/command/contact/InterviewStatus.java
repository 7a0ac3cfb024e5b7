package app.rapport.command.contact;

/**
 * Where an interview stands: requested, then accepted, scheduled, prepared, held and thanked, or
 * ended early as declined, unanswered or cancelled.
 */
public enum InterviewStatus {
    REQUESTED,
    ACCEPTED,
    DECLINED,
    NO_RESPONSE,
    SCHEDULED,
    PREPARED,
    HELD,
    THANKED,
    CANCELLED
}

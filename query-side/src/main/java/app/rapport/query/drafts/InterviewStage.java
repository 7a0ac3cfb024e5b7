package app.rapport.query.drafts;

/** Where an interview stands in its lifecycle, as the command side's aggregate has it. */
enum InterviewStage {
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

package app.rapport.query.contacts;

/** Where one interview is in its lifecycle: requested → accepted → scheduled → prepared → held → thanked. */
public enum InterviewStatus {
    REQUESTED,
    ACCEPTED,
    DECLINED,
    NO_RESPONSE,
    SCHEDULED,
    PREPARED,
    HELD,
    THANKED,
    CANCELLED;

    boolean onCalendar() {
        return this == SCHEDULED || this == PREPARED;
    }

    boolean held() {
        return this == HELD || this == THANKED;
    }
}

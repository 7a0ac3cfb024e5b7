package app.rapport.query.reports;

import app.rapport.query.timeline.Flag;

/**
 * A slip in the practice, as the practice report lists it. Where the timeline flags the same lapse,
 * the name and the rule are the timeline's ({@link #timelineFlag}); the others are what the report
 * adds: preparation in time, the checklist, a thank-you never sent, a nudge never sent, promises
 * not kept on time.
 */
enum Lapse {
    /** held longer than the time box agreed in the request */
    OVERRAN(Flag.OVERRAN),
    /** held with no preparation recorded */
    UNPREPARED(Flag.UNPREPARED),
    /** prepared, but later than {@code rapport.practice.prepare-before} before the time it was scheduled for */
    PREPARED_LATE(null),
    /** the checklist of the hold: did not thank them at the start */
    SKIPPED_THANKS_AT_START(null),
    /** the checklist of the hold: did not introduce themself */
    SKIPPED_INTRODUCTION(null),
    /** the checklist of the hold: did not ask whom else to talk to */
    SKIPPED_REFERRAL_QUESTION(null),
    /** the checklist of the hold: did not thank them at the end */
    SKIPPED_THANKS_AT_END(null),
    /** thanked later than {@code rapport.practice.thank-you-within} after the interview was held */
    LATE_THANK_YOU(Flag.LATE_THANK_YOU),
    /** not thanked, and {@code rapport.practice.thank-you-within} after the interview has passed */
    NO_THANK_YOU(null),
    /** a request still unanswered {@code rapport.practice.nudge-after} after it was made, never nudged */
    NO_NUDGE(null),
    /** asked about openings before the relationship was established */
    EARLY_JOB_INQUIRY(Flag.EARLY_JOB_INQUIRY),
    /** requested by, or last scheduled in, another channel than the one the contact preferred then */
    IGNORED_PREFERRED_CHANNEL(Flag.IGNORED_PREFERRED_CHANNEL),
    /** a promise kept, but after it was due */
    COMMITMENT_KEPT_LATE(null),
    /** a promise with a due time given up */
    COMMITMENT_DROPPED(null),
    /** a promise neither kept nor dropped by the time it was due */
    COMMITMENT_NOT_KEPT(null);

    private final Flag timelineFlag;

    Lapse(Flag timelineFlag) {
        this.timelineFlag = timelineFlag;
    }

    /** The timeline's flag for the same lapse, or null when only the report judges it. */
    Flag timelineFlag() {
        return timelineFlag;
    }
}

package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.Channel;
import app.rapport.values.Preferences;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted interview was given a date, a mode and a place.
 *
 * @param scheduledFor when the interview is to take place; may be in the future.
 * @param awayFromPreferredPlace whether the place was other than the contact's preferred one when
 *        it was scheduled ({@link Preferences#ignoresLocation}), judged by the aggregate so that
 *        the fact outlives the two texts an erasure removes; null on schedules recorded before it
 *        was kept, which the texts judge while they exist.
 */
public record InterviewScheduled(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        Instant scheduledFor,
        Channel mode,
        @Personal String location,
        Instant at,
        Boolean awayFromPreferredPlace) implements ContactEvent {

    /** A schedule as recorded before it said whether its place was the preferred one. */
    public InterviewScheduled(UUID contactId, String ownerId, UUID interviewId, Instant scheduledFor, Channel mode,
                              String location, Instant at) {
        this(contactId, ownerId, interviewId, scheduledFor, mode, location, at, null);
    }

    /**
     * Whether this schedule ignored the preferred place: as recorded, or for an older schedule
     * judged from the texts with the preference as it stood then.
     */
    public boolean ignoresPreferredLocation(String preferredLocationThen) {
        return awayFromPreferredPlace != null ? awayFromPreferredPlace
                : Preferences.ignoresLocation(preferredLocationThen, location);
    }
}

package app.rapport.query.drafts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import app.rapport.query.support.BadQueryParameterException;

/**
 * What the networker asked a draft of, checked: a request needs the time box and the purpose, the
 * others the interview they are about. Parameters a kind does not use are ignored.
 *
 * @param zone the zone in which dates are written; UTC unless asked.
 */
record DraftAsk(DraftKind kind, int durationMinutes, String purpose, UUID interviewId, ZoneId zone) {

    /** The request rule's time box: the command side's {@code Contact.MIN_DURATION_MINUTES}… */
    static final int MIN_DURATION_MINUTES = 10;
    /** …and {@code Contact.MAX_DURATION_MINUTES}, which this side cannot import. */
    static final int MAX_DURATION_MINUTES = 90;
    /** The longest purpose a request may carry (the command side's limit). */
    static final int MAX_PURPOSE_LENGTH = 500;

    static DraftAsk of(String kind, Integer durationMinutes, String purpose, UUID interviewId, String zone) {
        DraftKind chosen = DraftKind.ofPathName(kind).orElseThrow(() -> new BadQueryParameterException("kind",
                "'" + kind + "' is not a kind of draft; use one of " + String.join(", ", DraftKind.pathNames())));
        ZoneId in = zoneOf(zone);
        if (chosen == DraftKind.REQUEST) {
            return new DraftAsk(chosen, timeBox(durationMinutes), purposeOf(purpose), null, in);
        }
        if (interviewId == null) {
            throw new BadQueryParameterException("interviewId", "is required for a " + kind + " draft");
        }
        return new DraftAsk(chosen, 0, null, interviewId, in);
    }

    private static int timeBox(Integer minutes) {
        if (minutes == null) {
            throw new BadQueryParameterException("durationMinutes", "is required for a request draft");
        }
        if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
            throw new BadQueryParameterException("durationMinutes",
                    "must be from %d to %d minutes, like the request itself".formatted(MIN_DURATION_MINUTES,
                            MAX_DURATION_MINUTES));
        }
        return minutes;
    }

    private static String purposeOf(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new BadQueryParameterException("purpose",
                    "is required for a request draft: the career facet you want to learn about");
        }
        if (purpose.strip().length() > MAX_PURPOSE_LENGTH) {
            throw new BadQueryParameterException("purpose", "must be at most " + MAX_PURPOSE_LENGTH + " characters");
        }
        return purpose.strip();
    }

    private static ZoneId zoneOf(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new BadQueryParameterException("zone", "'" + zone + "' is not a time zone, e.g. Europe/Paris or UTC");
        }
    }
}

package app.rapport.platform.web;

import java.time.Instant;

/**
 * The times Rapport accepts, in bodies and in query parameters alike: years 1 to 9999. ISO-8601
 * and {@link Instant} go far beyond what PostgreSQL's {@code timestamptz} holds, and an event whose
 * time a read model cannot store would be a poison event for every projection.
 */
public final class SupportedTimes {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private SupportedTimes() {
    }

    public static boolean isSupported(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /** Parses an ISO-8601 instant, refusing one outside the supported years. */
    public static Instant parse(String text) {
        Instant time = Instant.parse(text.trim());
        if (!isSupported(time)) {
            throw new IllegalArgumentException(text + " is outside the years 1 to 9999");
        }
        return time;
    }
}

package app.rapport.web.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages show times and durations to a person: times in their own time zone
 * ({@link PersonZone}), durations in words ("2 days 3 hours"), rates as percentages. Called from
 * the templates as {@code @show}.
 */
@Component("show")
public class Show {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final PersonZone zone;

    Show(PersonZone zone) {
        this.zone = zone;
    }

    /** An API time (ISO-8601 instant) in the person's zone; blank when absent. */
    public String time(Object instant) {
        Instant at = instantOf(instant);
        return at == null ? "" : TIME.format(at.atZone(zone.current()));
    }

    /** The value a {@code datetime-local} input shows for an API time, in the person's zone. */
    public String input(Object instant) {
        Instant at = instantOf(instant);
        return at == null ? "" : INPUT.format(at.atZone(zone.current()));
    }

    /** The time-zone name the times are shown in. */
    public String zoneName() {
        return zone.current().getId();
    }

    /**
     * An ISO-8601 duration (the overdue view's {@code overdueBy}) in words, with "overdue by" or
     * "due in" as its sign says.
     */
    public String overdue(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            Duration by = Duration.parse(iso.toString());
            return by.isNegative() ? "due in " + words(by.negated()) : "overdue by " + words(by);
        } catch (DateTimeParseException notADuration) {
            return iso.toString();
        }
    }

    /** A number of minutes in words. */
    public String minutes(Object minutes) {
        return minutes instanceof Number number ? words(Duration.ofMinutes(number.longValue())) : "";
    }

    /** A duration in its two largest units: "3 days 4 hours", "25 minutes", "less than a minute". */
    public static String words(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(plural(days, "day"));
        }
        if (hours > 0) {
            parts.add(plural(hours, "hour"));
        }
        if (minutes > 0 && days == 0) {
            parts.add(plural(minutes, "minute"));
        }
        return parts.isEmpty() ? "less than a minute" : String.join(" ", parts.subList(0, Math.min(2, parts.size())));
    }

    /** A rate from 0 to 1 as a whole percentage; a dash where the API says there is nothing to divide. */
    public String rate(Object rate) {
        return rate instanceof Number number ? Math.round(number.doubleValue() * 100) + " %" : "–";
    }

    /** An enum name as words: {@code RESPONSE_NUDGE} → "response nudge". */
    public String name(Object constant) {
        return nameOf(constant);
    }

    /** {@link #name}, for what is worked out once (a select's options). */
    public static String nameOf(Object constant) {
        return constant == null ? "" : constant.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A {@code datetime-local} value typed in the person's zone as the instant the API takes;
     * null for a blank field.
     */
    public Instant parseInput(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(local.trim()).atZone(zone.current()).toInstant();
    }

    /** The end of a calendar day in the person's zone, or now if that is earlier: "as it stood that day". */
    public Instant endOfDay(java.time.LocalDate day, Instant now) {
        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone.current()).minusSeconds(1);
        return end.toInstant().isAfter(now) ? now : end.toInstant();
    }

    public ZoneId zone() {
        return zone.current();
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

package app.rapport.command.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.contact.AddContactRequest;
import app.rapport.platform.web.PlainText;
import app.rapport.platform.web.SupportedTimes;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;

/**
 * One person as a file gives them, read cell by cell: each value remembers the column (or vCard
 * property) it came from, so a problem names what the person sees in their file, and a value that
 * does not convert (a source, a channel, a date, an id) is a problem of the row, not of the file.
 */
final class PersonRow {

    /** Dates as spreadsheets and LinkedIn write them, beside ISO-8601; a bare date is midnight UTC. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-uu").toFormatter(Locale.ENGLISH));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT));
    static final String DATE_FORMATS = "an ISO-8601 instant (2024-03-15T10:00:00Z), a date (2024-03-15) or a date "
            + "as LinkedIn writes it (15 Mar 2024)";

    final int row;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<RowError> errors = new ArrayList<>();
    private UUID contactId;
    private ContactSource source;
    private Channel preferredChannel;
    private Instant at;

    PersonRow(int row) {
        this.row = row;
    }

    /** The cell's text, stripped; an empty cell is no value. */
    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String stripped = cell.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A text field of the contact; a second value for the same field (a second column) is kept only if the first was empty. */
    PersonRow text(String field, String label, String cell) {
        String value = clean(cell);
        if (value != null && !PlainText.isPlain(value)) {
            errors.add(new RowError(row, label, PlainText.PROBLEM));
        } else if (value != null && !values.containsKey(field)) {
            values.put(field, value);
            labels.put(field, label);
        }
        return this;
    }

    PersonRow contactId(String label, String cell) {
        String value = clean(cell);
        if (value != null) {
            labels.put("contactId", label);
            try {
                contactId = UUID.fromString(value.replaceFirst("(?i)^urn:uuid:", ""));
            } catch (IllegalArgumentException notAnId) {
                errors.add(new RowError(row, label, "'" + value + "' is not a contact id (a UUID)"));
            }
        }
        return this;
    }

    PersonRow source(String label, String cell) {
        String value = clean(cell);
        if (value != null) {
            labels.put("source", label);
            source = constant(ContactSource.values(), label, value);
        }
        return this;
    }

    PersonRow preferredChannel(String label, String cell) {
        String value = clean(cell);
        if (value != null) {
            labels.put("preferredChannel", label);
            preferredChannel = constant(Channel.values(), label, value);
        }
        return this;
    }

    PersonRow at(String label, String cell) {
        String value = clean(cell);
        if (value != null) {
            labels.put("at", label);
            at = time(value);
            if (at == null) {
                errors.add(new RowError(row, label, "'" + value + "' is not a date; write " + DATE_FORMATS));
            }
        }
        return this;
    }

    PersonRow at(Instant time) {
        at = time;
        return this;
    }

    /** The field's column, or the field itself when the file had no column for it. */
    String labelOf(String field) {
        return labels.getOrDefault(field, field);
    }

    boolean isBlank() {
        return values.isEmpty() && contactId == null && source == null && preferredChannel == null && at == null
                && errors.isEmpty();
    }

    List<RowError> conversionErrors() {
        return errors;
    }

    UUID contactId() {
        return contactId;
    }

    Instant at() {
        return at;
    }

    /** The row as the body of {@code POST /api/contacts}, checked by the same constraints. */
    AddContactRequest request(ContactSource defaultSource, Instant defaultAt) {
        return new AddContactRequest(contactId, values.get("name"), values.get("organization"), values.get("role"),
                values.get("specialization"), source != null ? source : defaultSource, preferredChannel,
                values.get("preferredLocation"), values.get("email"), values.get("phone"), values.get("notes"),
                values.get("profileUrl"), at != null ? at : defaultAt);
    }

    // "in person", "In-Person" and IN_PERSON are the same channel
    private <E extends Enum<E>> E constant(E[] constants, String label, String value) {
        String wanted = value.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        for (E constant : constants) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        errors.add(new RowError(row, label, "'" + value + "' is not one of " + Arrays.toString(constants)));
        return null;
    }

    // Each format is tried without exceptions (a parse position), since most rows of a file miss the first ones.
    private static Instant time(String value) {
        if (matches(DateTimeFormatter.ISO_INSTANT, value) || matches(DateTimeFormatter.ISO_OFFSET_DATE_TIME, value)) {
            try {
                return SupportedTimes.parse(value);
            } catch (DateTimeException | IllegalArgumentException unsupported) {
                return null;
            }
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            if (matches(format, value)) {
                try {
                    return supported(LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException noSuchTime) {
                    return null;
                }
            }
        }
        for (DateTimeFormatter format : DATES) {
            if (matches(format, value)) {
                try {
                    return supported(LocalDate.parse(value, format).atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException noSuchDay) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean matches(DateTimeFormatter format, String value) {
        ParsePosition position = new ParsePosition(0);
        return format.parseUnresolved(value, position) != null && position.getErrorIndex() < 0
                && position.getIndex() == value.length();
    }

    private static Instant supported(Instant time) {
        return SupportedTimes.isSupported(time) ? time : null;
    }
}

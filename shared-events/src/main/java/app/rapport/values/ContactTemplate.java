package app.rapport.values;

import java.util.List;
import java.util.Locale;

/**
 * The columns of Rapport's contact spreadsheet, written once for both directions: the import reads
 * a file with these headers and the export writes them, so an exported file imports back unchanged.
 * Headers match without case, spaces, dashes or underscores ("Preferred Channel" is
 * {@code preferredChannel}); {@code at} is when the person was met.
 */
public final class ContactTemplate {

    public static final List<String> COLUMNS = List.of(
            "name", "organization", "role", "specialization", "source", "preferredChannel", "preferredLocation",
            "email", "phone", "notes", "profileUrl", "at");

    private ContactTemplate() {
    }

    /** A header as it is compared: lower case, without spaces, dashes and underscores. */
    public static String normalized(String header) {
        return header == null ? "" : header.strip().replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}

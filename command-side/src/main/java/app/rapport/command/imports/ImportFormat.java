package app.rapport.command.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of file an import reads, by the name {@code format=} gives them and provenance records. */
enum ImportFormat {

    /** Rapport's own spreadsheet: the template's columns, as {@code GET /api/imports/template.csv} serves them. */
    CSV("csv"),
    /** LinkedIn's {@code Connections.csv}, notes preamble and all. */
    LINKEDIN("linkedin"),
    /** An address book's vCards, versions 3.0 and 4.0 (2.1 is read too). */
    VCARD("vcard"),
    /** This API's JSON Lines export of a journal. */
    EVENTS("events");

    private final String name;

    ImportFormat(String name) {
        this.name = name;
    }

    /** The name in {@code format=}, in provenance and in the answer. */
    String formatName() {
        return name;
    }

    static ImportFormat named(String format) {
        String wanted = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(candidate -> candidate.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> ImportRejected.ofFile("format", "'" + format + "' is not one of "
                        + Arrays.stream(values()).map(ImportFormat::formatName).collect(Collectors.joining(", "))));
    }
}

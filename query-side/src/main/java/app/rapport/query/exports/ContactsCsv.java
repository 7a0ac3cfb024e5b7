package app.rapport.query.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import app.rapport.values.ContactTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Contacts as Rapport's spreadsheet: the template's columns in the template's order, which the
 * import reads back unchanged, then {@code contactId}, {@code stage} and {@code lastTouchAt}, which
 * it does not need. RFC 4180 as Commons CSV writes it: UTF-8 without a byte-order mark, CRLF, a
 * field quoted when it holds a comma, a quote or a line break. Enums as their names, times as
 * ISO-8601 instants, a missing value as an empty field.
 */
final class ContactsCsv implements AutoCloseable {

    /** Every column the export knows, by the template's name for it. */
    private static final Map<String, Function<ExportedContact, Object>> FIELDS = fields();
    static final List<String> COLUMNS = columns();

    private final CSVPrinter printer;

    ContactsCsv(OutputStream out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
        this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format);
    }

    void write(ExportedContact contact) throws IOException {
        List<String> values = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
            Object value = FIELDS.get(column).apply(contact);
            values.add(value == null ? null : value.toString());
        }
        printer.printRecord(values);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    private static Map<String, Function<ExportedContact, Object>> fields() {
        Map<String, Function<ExportedContact, Object>> fields = new LinkedHashMap<>();
        fields.put("name", contact -> contact.details().name());
        fields.put("organization", contact -> contact.details().organization());
        fields.put("role", contact -> contact.details().role());
        fields.put("specialization", contact -> contact.details().specialization());
        fields.put("source", ExportedContact::source);
        fields.put("preferredChannel", contact -> contact.details().preferredChannel());
        fields.put("preferredLocation", contact -> contact.details().preferredLocation());
        fields.put("email", contact -> contact.details().email());
        fields.put("phone", contact -> contact.details().phone());
        fields.put("notes", contact -> contact.details().notes());
        fields.put("profileUrl", contact -> contact.details().profileUrl());
        fields.put("at", ExportedContact::at);
        fields.put("contactId", ExportedContact::contactId);
        fields.put("stage", ExportedContact::stage);
        fields.put("lastTouchAt", ExportedContact::lastTouchAt);
        return fields;
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(ContactTemplate.COLUMNS);
        columns.addAll(List.of("contactId", "stage", "lastTouchAt"));
        for (String column : columns) {
            if (!FIELDS.containsKey(column)) {
                // a column added to the template must be written, or an export would not import back
                throw new IllegalStateException("The contacts export has no value for the template's column " + column);
            }
        }
        return List.copyOf(columns);
    }
}

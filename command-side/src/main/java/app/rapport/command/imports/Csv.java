package app.rapport.command.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a spreadsheet saved as CSV with Apache Commons CSV: RFC 4180 quoting (commas and line
 * breaks inside quoted fields, doubled quotes), CRLF or LF, blank lines ignored. The delimiter is
 * the comma unless the first line has none and has semicolons or tabs, as spreadsheets in many
 * European locales save "CSV".
 */
final class Csv {

    private Csv() {
    }

    /** Records before the header that a file may have (LinkedIn's notes), beside the rows an import takes. */
    private static final int PREAMBLE = 20;

    /** The file's records, each cell as written; far more than an import takes is refused while reading. */
    static List<CSVRecord> records(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiterOf(text))
                .setIgnoreEmptyLines(true)
                .get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> reading = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!reading.hasNext()) {
                        break;
                    }
                    record = reading.next();
                } catch (UncheckedIOException | IllegalStateException unreadable) {
                    throw ImportRejected.atRow(0, "file", "is not readable as CSV near line "
                            + parser.getCurrentLineNumber() + ": " + reason(unreadable));
                }
                if (isBlankLine(record)) {
                    continue;
                }
                if (records.size() > ImportLimits.MAX_ROWS + PREAMBLE) {
                    throw ImportLimits.tooManyRows();
                }
                records.add(record);
            }
        } catch (IOException unreadable) {
            throw ImportRejected.ofFile("file", "is not readable as CSV: " + unreadable.getMessage());
        }
        return records;
    }

    /** A line holding nothing but spaces, which spreadsheets leave at the end of a file. */
    private static boolean isBlankLine(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    static boolean isEmptyRow(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        if (firstLine.indexOf(',') >= 0) {
            return ',';
        }
        if (firstLine.indexOf(';') >= 0) {
            return ';';
        }
        return firstLine.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static String reason(RuntimeException unreadable) {
        Throwable cause = unreadable.getCause() != null ? unreadable.getCause() : unreadable;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Commons CSV says where as "(line 12)" and what as the rest; the line is said above
        return message.replaceFirst("^\\(line \\d+\\)\\s*", "");
    }
}

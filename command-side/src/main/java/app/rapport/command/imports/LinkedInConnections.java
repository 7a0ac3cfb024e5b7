package app.rapport.command.imports;

import java.util.List;
import java.util.Set;

import app.rapport.values.ContactSource;
import app.rapport.values.ContactTemplate;
import org.apache.commons.csv.CSVRecord;

/**
 * LinkedIn's {@code Connections.csv} ({@code format=linkedin}) as LinkedIn exports it: a few lines
 * of notes, then the header {@code First Name,Last Name,URL,Email Address,Company,Position,Connected On}
 * and a connection a row. Every connection was found on a social network ({@code SOCIAL}), met on the
 * day it was connected ({@code Connected On}, like {@code 15 Mar 2024}), and keeps its profile URL,
 * by which a later export recognises it even without an email (LinkedIn leaves most emails out).
 */
final class LinkedInConnections {

    private static final Set<String> HEADER = Set.of("firstname", "lastname");

    private LinkedInConnections() {
    }

    static People read(String text) {
        List<CSVRecord> records = Csv.records(text);
        for (int index = 0; index < records.size(); index++) {
            if (isHeader(records.get(index))) {
                return Spreadsheet.read(records, index, ContactSource.SOCIAL);
            }
        }
        throw ImportRejected.ofFile("file", "has no header row with First Name and Last Name; is it the "
                + "Connections.csv of LinkedIn's data export?");
    }

    private static boolean isHeader(CSVRecord record) {
        return record.stream().map(ContactTemplate::normalized).filter(HEADER::contains).count() == HEADER.size();
    }
}

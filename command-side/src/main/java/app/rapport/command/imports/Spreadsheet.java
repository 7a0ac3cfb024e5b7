package app.rapport.command.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.values.ContactSource;
import app.rapport.values.ContactTemplate;
import org.apache.commons.csv.CSVRecord;

/**
 * Rapport's contact spreadsheet ({@code format=csv}): a header row, then one person a row. Headers
 * match {@link ContactTemplate#COLUMNS} without case, spaces, dashes or underscores, and the names
 * career-centre spreadsheets commonly use for the same fields (Company, Job Title, E-mail Address,
 * First Name and Last Name…). An export's {@code contactId} is honoured, its {@code stage} and
 * {@code lastTouchAt} are the journal's own and ignored; any other column is ignored and named in the answer.
 */
final class Spreadsheet {

    // Not contact fields: the parts of a name, joined with a space, and what only an export writes
    private static final String FIRST_NAME = "(first name)";
    private static final String LAST_NAME = "(last name)";
    private static final String EXPORT_ONLY = "(the journal's own)";
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        for (String column : ContactTemplate.COLUMNS) {
            FIELDS.put(ContactTemplate.normalized(column), column);
        }
        alias("name", "fullname", "contactname", "contact");
        alias(FIRST_NAME, "firstname", "givenname");
        alias(LAST_NAME, "lastname", "surname", "familyname");
        alias("organization", "organisation", "company", "employer", "org");
        alias("role", "title", "jobtitle", "position");
        alias("specialization", "specialisation", "careerfield", "field", "industry");
        alias("preferredChannel", "channel");
        alias("preferredLocation", "location");
        alias("email", "emailaddress", "mail");
        alias("phone", "phonenumber", "telephone", "mobile", "tel");
        alias("notes", "note", "comments");
        alias("profileUrl", "linkedin", "linkedinurl", "url", "profile");
        alias("at", "datemet", "met", "date", "connectedon");
        alias("contactId", "contactid");
        alias(EXPORT_ONLY, "stage", "lasttouchat");
    }

    private Spreadsheet() {
    }

    static People read(String text) {
        List<CSVRecord> records = Csv.records(text);
        if (records.isEmpty()) {
            throw ImportRejected.ofFile("file", "is empty; its first row must name the columns, as the template's does");
        }
        return read(records, 0, ContactSource.OTHER);
    }

    /** Reads the rows after the header at {@code headerIndex}, as for LinkedIn's file after its notes. */
    static People read(List<CSVRecord> records, int headerIndex, ContactSource defaultSource) {
        CSVRecord header = records.get(headerIndex);
        List<String> fields = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String column : header) {
            String field = FIELDS.get(ContactTemplate.normalized(column));
            fields.add(field);
            if (field == null && !column.isBlank()) {
                ignored.add(column.strip());
            }
        }
        if (!fields.contains("name") && !(fields.contains(FIRST_NAME) || fields.contains(LAST_NAME))) {
            throw ImportRejected.atRow(0, "name", "no column holds the name; the first row must name the columns, "
                    + "with a 'name' column (or 'First Name' and 'Last Name')"
                    + (header.size() == 1 && header.get(0).strip().equalsIgnoreCase("Notes:")
                            ? "; this looks like LinkedIn's Connections.csv: import it with format=linkedin" : ""));
        }
        if (records.size() - headerIndex - 1 > ImportLimits.MAX_ROWS) {
            throw ImportLimits.tooManyRows();
        }
        List<PersonRow> rows = new ArrayList<>();
        int skipped = 0;
        for (int index = headerIndex + 1; index < records.size(); index++) {
            CSVRecord record = records.get(index);
            int number = index - headerIndex;
            if (Csv.isEmptyRow(record)) {
                skipped++;
                continue;
            }
            rows.add(person(number, header, fields, record));
        }
        return new People(rows, records.size() - headerIndex - 1, skipped, defaultSource, ignored);
    }

    private static PersonRow person(int number, CSVRecord header, List<String> fields, CSVRecord record) {
        PersonRow person = new PersonRow(number);
        String first = null;
        String last = null;
        String firstLabel = null;
        String lastLabel = null;
        for (int column = 0; column < fields.size() && column < record.size(); column++) {
            String field = fields.get(column);
            String label = header.get(column).strip();
            String cell = record.get(column);
            if (field == null || field.equals(EXPORT_ONLY)) {
                continue;
            }
            switch (field) {
                case "contactId" -> person.contactId(label, cell);
                case "source" -> person.source(label, cell);
                case "preferredChannel" -> person.preferredChannel(label, cell);
                case "at" -> person.at(label, cell);
                default -> {
                    if (field.equals(FIRST_NAME)) {
                        first = first != null ? first : PersonRow.clean(cell);
                        firstLabel = label;
                    } else if (field.equals(LAST_NAME)) {
                        last = last != null ? last : PersonRow.clean(cell);
                        lastLabel = label;
                    } else {
                        person.text(field, label, cell);
                    }
                }
            }
        }
        if (first != null || last != null) {
            String label = firstLabel == null ? lastLabel : lastLabel == null ? firstLabel : firstLabel + " + " + lastLabel;
            person.text("name", label, ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip());
        }
        return person;
    }

    private static void alias(String field, String... headers) {
        for (String header : headers) {
            FIELDS.putIfAbsent(header, field);
        }
    }

}

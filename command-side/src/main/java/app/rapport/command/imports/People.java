package app.rapport.command.imports;

import java.util.List;

import app.rapport.values.ContactSource;

/**
 * The people a file holds, read but not yet checked.
 *
 * @param rows the rows with something in them, in the file's order
 * @param read every row read, empty ones included
 * @param skipped rows with nothing in them
 * @param defaultSource how the people were found when a row does not say: {@code SOCIAL} for
 *        LinkedIn, {@code OTHER} otherwise
 * @param ignoredColumns columns no contact field reads
 */
record People(List<PersonRow> rows, int read, int skipped, ContactSource defaultSource, List<String> ignoredColumns) {
}

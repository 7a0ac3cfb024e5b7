package app.rapport.command.imports;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an import did, or in a dry run would do.
 *
 * @param importId the same for the same file imported by the same person, so a repeat is recognisable
 * @param rows the rows read: data rows of a spreadsheet, cards of an address book, lines of a journal
 * @param created contacts created (for {@code events}: events stored again)
 * @param unchanged rows whose person (or, for {@code events}, whose contact or profile) was already
 *        in the journal, left as they are
 * @param skipped rows with nothing to import: empty spreadsheet rows, and for {@code events} the
 *        events that belong to one instance only (mentor grants, calendar feeds)
 * @param errors empty in an answer; a rejected file lists its rows in a problem document instead
 * @param position the global index of the import's last event, for {@code consistentWith}; for an
 *        import that stored nothing, that of the latest matched contact's details (0 when none)
 * @param dryRun true when nothing was stored because the import was asked to try only
 * @param ignoredColumns columns of a spreadsheet that no contact field reads
 */
record ImportAnswer(
        UUID importId,
        String format,
        int rows,
        int created,
        int unchanged,
        int skipped,
        List<RowError> errors,
        long position,
        boolean dryRun,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> ignoredColumns) {
}

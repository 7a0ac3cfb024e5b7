package app.rapport.command.imports;

/** How much one import takes: enough for a career centre's whole spreadsheet, small enough to check and store in one transaction. */
final class ImportLimits {

    /** Rows of a spreadsheet, cards of an address book, lines of a journal. */
    static final int MAX_ROWS = 50_000;
    /** The log says how far a large import has come every this many rows. */
    static final int PROGRESS_EVERY = 1_000;

    private ImportLimits() {
    }

    static ImportTooLarge tooManyRows() {
        return new ImportTooLarge("The file has more than " + MAX_ROWS
                + " rows; an import takes at most that many. Split the file and import the parts one after the other.");
    }
}

package app.rapport.command.imports;

import java.util.List;

/** A file that cannot be imported as it is: 400, every bad row listed, nothing stored. */
class ImportRejected extends RuntimeException {

    private final List<RowError> errors;

    ImportRejected(List<RowError> errors) {
        super(errors.size() == 1 ? "1 problem" : errors.size() + " problems", null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The file as a whole is at fault: not readable as its format says. */
    static ImportRejected ofFile(String field, String problem) {
        return new ImportRejected(List.of(new RowError(0, field, problem)));
    }

    static ImportRejected atRow(int row, String field, String problem) {
        return new ImportRejected(List.of(new RowError(row, field, problem)));
    }

    List<RowError> errors() {
        return errors;
    }
}

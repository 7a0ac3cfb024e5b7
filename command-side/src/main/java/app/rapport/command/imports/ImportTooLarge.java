package app.rapport.command.imports;

/** A file past the import limits (bytes or rows): 413, nothing read further, nothing stored. */
class ImportTooLarge extends RuntimeException {

    ImportTooLarge(String message) {
        super(message, null, false, false);
    }
}

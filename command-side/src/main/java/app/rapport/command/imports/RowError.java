package app.rapport.command.imports;

/**
 * What is wrong with one row of an imported file.
 *
 * @param row the row as provenance counts it (from 1, the header not counted; a vCard's number; a
 *        JSON line's number); 0 when the file as a whole is at fault
 * @param field the column, vCard property or event field as the file names it
 * @param problem what is wrong, in plain words
 */
record RowError(int row, String field, String problem) {
}

package app.rapport.values;

import java.util.UUID;

/**
 * Where a contact came from when it was not typed in: the import that created it and the row of
 * the file (counted from 1, the header not counted; for vCards the card's number).
 *
 * @param format the import's format: {@code csv}, {@code linkedin}, {@code vcard} or {@code events}.
 */
public record Provenance(UUID importId, String format, int row) {
}

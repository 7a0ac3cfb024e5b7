package app.rapport.command.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A file as it was sent, and the id of importing it: a name-based UUID of the person, the format
 * and the SHA-256 of the bytes, so the same file imported again by the same person is the same
 * import and its contacts get the same ids.
 */
record ImportFile(byte[] bytes, ImportFormat format, String owner) {

    UUID importId() {
        return UUID.nameUUIDFromBytes(("rapport-import\n" + owner + "\n" + format.formatName() + "\n" + sha256())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the contact a row creates: fixed by the import and the row, so a repeat finds it. */
    static UUID contactIdFor(UUID importId, int row) {
        return UUID.nameUUIDFromBytes(("rapport-import-contact\n" + importId + "\n" + row)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text of the file: UTF-8 with or without a byte-order mark, or UTF-16 with one (what some
     * address books and "Unicode text" spreadsheets write). Anything else is refused rather than
     * guessed, since a wrong guess would store every accented name garbled.
     */
    String text() {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException notText) {
            throw ImportRejected.ofFile("file", "is not UTF-8 text; save it as \"CSV UTF-8\" (or export the "
                    + "address book in UTF-8) and import it again");
        }
    }

    private boolean startsWith(int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}

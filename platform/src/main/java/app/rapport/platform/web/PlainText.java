package app.rapport.platform.web;

/**
 * Text a person typed: tabs and line breaks, but no other control characters and no half of a
 * surrogate pair. A NUL cannot be stored in a PostgreSQL text column and neither it nor a lone
 * surrogate in a {@code jsonb} value, so an event carrying one would be refused by every read model
 * that copies the field. Request bodies are read with this rule ({@link PlainTextDeserializer}),
 * and so is every other way text enters the journal (an imported file).
 */
public final class PlainText {

    /** What is wrong with text that is not plain, as a problem document says it. */
    public static final String PROBLEM = "must be text without control characters other than tab and line breaks";

    private PlainText() {
    }

    public static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

package app.rapport.command.dispatch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/** Reads the version a client sent in {@code If-Match}: {@code 3}, {@code "3"} or {@code W/"3"}. */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    private static final Pattern VERSION = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    private IfMatch() {
    }

    /** The expected version, null when the header is absent; a malformed header is a client error. */
    @Nullable
    public static Long version(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header);
        if (!matcher.matches()) {
            throw new MalformedIfMatchException(header);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The header value answering a version, as an entity tag. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}

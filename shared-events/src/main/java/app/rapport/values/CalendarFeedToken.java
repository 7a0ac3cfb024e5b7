package app.rapport.values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret in a calendar feed's URL, defined once for the side that hands it out and the side
 * that recognises it: 256 random bits as 43 characters of URL-safe Base64, recorded only as the
 * SHA-256 of that text in lower-case hex ({@code tokenHash}), so the event store, its backups and
 * the read models hold nothing a URL could be rebuilt from.
 */
public final class CalendarFeedToken {

    private static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CalendarFeedToken() {
    }

    /** A new token, unguessable: 256 bits from the random source. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has a token's form; anything else is no feed's token. */
    public static boolean isWellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }

    /** The {@code tokenHash} recorded for a token. */
    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

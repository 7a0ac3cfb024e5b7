package app.rapport.command.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What tells one person apart from another when a row is matched: the email without case, and
 * the profile URL without scheme, {@code www.} or a country subdomain of LinkedIn, query, fragment,
 * trailing slash or percent-encoding, so {@code https://www.linkedin.com/in/jane-doe/} and
 * {@code http://uk.linkedin.com/in/Jane-Doe} are the same profile. A name is never a key: two
 * people share names.
 */
final class PersonKeys {

    private PersonKeys() {
    }

    static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    static String profile(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String key = url.strip().toLowerCase(Locale.ROOT)
                .replaceFirst("^[a-z][a-z0-9+.-]*://", "")
                .replaceFirst("[?#].*$", "")
                .replaceFirst("^www\\.", "")
                .replaceFirst("^[a-z]{2,3}\\.linkedin\\.com/", "linkedin.com/")
                .replaceFirst("/+$", "");
        try {
            key = URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // a stray % is part of the key as written
        }
        return key.isEmpty() ? null : key;
    }
}

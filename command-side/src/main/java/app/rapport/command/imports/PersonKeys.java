package app.rapport.command.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What tells one person apart from another when a row is matched: the email without case, and
 * the profile URL without scheme, {@code www.} or a country subdomain of LinkedIn, query, fragment,
 * trailing slash or percent-encoding, so {@code https://www.linkedin.com/in/jane-doe/} and
 * {@code http://uk.linkedin.com/in/Jane-Doe} are the same profile. A name is never a key: two
 * people share names.
 */
final class PersonKeys {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern QUERY = Pattern.compile("[?#].*$");
    private static final Pattern WWW = Pattern.compile("^www\\.");
    private static final Pattern LINKEDIN_COUNTRY = Pattern.compile("^[a-z]{2,3}\\.linkedin\\.com/");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    private PersonKeys() {
    }

    static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    static String profile(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String key = url.strip().toLowerCase(Locale.ROOT);
        key = SCHEME.matcher(key).replaceFirst("");
        key = QUERY.matcher(key).replaceFirst("");
        key = WWW.matcher(key).replaceFirst("");
        key = LINKEDIN_COUNTRY.matcher(key).replaceFirst("linkedin.com/");
        key = TRAILING_SLASHES.matcher(key).replaceFirst("");
        if (key.indexOf('%') >= 0) {
            try {
                key = URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                // a stray % is part of the key as written
            }
        }
        return key.isEmpty() ? null : key;
    }
}

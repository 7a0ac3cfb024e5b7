package app.rapport.values;

import java.util.Locale;

/**
 * Whether a step ignored how the contact prefers to be met, one rule for the timeline's flags, the
 * analytics' counts and the aggregate, which records on a schedule whether its place was the
 * preferred one (an erasure removes both texts, and the fact must outlive them). Judged by the preference as it stood when the step was recorded; no
 * preference, no judgement.
 */
public final class Preferences {

    private Preferences() {
    }

    /** A request's channel, or a schedule's mode, other than the contact's preferred channel. */
    public static boolean ignoresChannel(Channel preferred, Channel used) {
        return preferred != null && used != null && used != preferred;
    }

    /**
     * A schedule's place other than the contact's preferred one, compared without case and
     * surrounding space. A schedule that names no place (a call) is not judged.
     */
    public static boolean ignoresLocation(String preferred, String location) {
        String wanted = normalized(preferred);
        String given = normalized(location);
        return wanted != null && given != null && !wanted.equals(given);
    }

    private static String normalized(String place) {
        if (place == null || place.isBlank()) {
            return null;
        }
        return place.strip().toLowerCase(Locale.ROOT);
    }
}

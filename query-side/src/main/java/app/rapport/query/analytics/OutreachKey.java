package app.rapport.query.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import app.rapport.query.support.BadQueryParameterException;

/**
 * What the outreach report can be grouped by, and how each key is read from the facts: a request's
 * key from the request ({@code r}) and its contact ({@code c}), a job inquiry's from the inquiry
 * ({@code i}) and its contact. A month is {@code YYYY-MM} in UTC (the request's, or the inquiry's);
 * a specialization is compared without case and surrounding space. An inquiry is sent by no
 * channel, so it has no channel key.
 */
enum OutreachKey {

    CHANNEL("r.channel", null),
    SOURCE("c.source", "c.source"),
    SPECIALIZATION(OutreachKey.FOLDED_SPECIALIZATION, OutreachKey.FOLDED_SPECIALIZATION),
    MONTH("to_char(r.requested_at AT TIME ZONE 'UTC', 'YYYY-MM')", "to_char(i.asked_at AT TIME ZONE 'UTC', 'YYYY-MM')");

    /** A specialization as compared: lower case, without surrounding space; none is the empty key. */
    static final String FOLDED_SPECIALIZATION = "lower(btrim(coalesce(c.specialization, '')))";

    private static final String KNOWN = "use one key or two distinct ones separated by a comma,"
            + " of channel, source, specialization, month";

    private final String requestKey;
    private final String inquiryKey;

    OutreachKey(String requestKey, String inquiryKey) {
        this.requestKey = requestKey;
        this.inquiryKey = inquiryKey;
    }

    /** The name of the key in {@code groupBy} and in a row's {@code keys}. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String requestKey() {
        return requestKey;
    }

    /** The key of a job inquiry; null when an inquiry has none (by channel). */
    String inquiryKey() {
        return inquiryKey;
    }

    /** One key or two distinct ones, as {@code groupBy} names them ({@code channel,month}). */
    static List<OutreachKey> parse(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            throw new BadQueryParameterException("groupBy", "is required; " + KNOWN);
        }
        String[] names = groupBy.split(",", -1);
        if (names.length > 2) {
            throw new BadQueryParameterException("groupBy", "'" + groupBy + "' names " + names.length + " keys; " + KNOWN);
        }
        List<OutreachKey> keys = new ArrayList<>();
        for (String name : names) {
            OutreachKey key = Arrays.stream(values()).filter(known -> known.parameter().equals(name.strip()))
                    .findFirst()
                    .orElseThrow(() -> new BadQueryParameterException("groupBy",
                            "'" + name.strip() + "' is not known; " + KNOWN));
            if (keys.contains(key)) {
                throw new BadQueryParameterException("groupBy", "'" + groupBy + "' names " + key.parameter()
                        + " twice; " + KNOWN);
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }
}

package app.rapport.query.contacts;

import java.util.Arrays;
import java.util.stream.Collectors;

import app.rapport.query.support.BadQueryParameterException;

/**
 * The orders of the contact list ({@code sort=}), each a total order so that pages neither
 * overlap nor skip rows; ties are broken by name, then id.
 */
enum ContactOrder {

    /** By name, ignoring case: the default. */
    NAME("name", "lower(name), contact_id"),
    /** Weakest first: the relationships that most need attention at the top. */
    HEALTH("health", "health_score, lower(name), contact_id"),
    /** The next touch owed soonest first (the longest overdue at the top); contacts owed none last. */
    NEXT_DUE("nextDue", "next_follow_up_due NULLS LAST, lower(name), contact_id");

    private final String parameter;
    private final String orderBy;

    ContactOrder(String parameter, String orderBy) {
        this.parameter = parameter;
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    /** Whether the order reads the health judgement, so every matching contact must be judged to choose a page. */
    boolean needsHealth() {
        return this == HEALTH;
    }

    /** The order a {@code sort} parameter names; absent, by name. */
    static ContactOrder parse(String sort) {
        if (sort == null || sort.isEmpty()) {
            return NAME;
        }
        return Arrays.stream(values()).filter(order -> order.parameter.equals(sort)).findFirst()
                .orElseThrow(() -> new BadQueryParameterException("sort", "'" + sort + "' is not known; use one of "
                        + Arrays.stream(values()).map(order -> order.parameter).collect(Collectors.joining(", "))));
    }
}

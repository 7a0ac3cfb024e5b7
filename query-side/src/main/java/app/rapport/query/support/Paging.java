package app.rapport.query.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limits every paged query shares (the controllers state them on their parameters), and paging itself. */
public final class Paging {

    public static final String DEFAULT_SIZE = "50";
    public static final int MAX_SIZE = 200;

    /** The clause that takes one page; its parameters come from {@link #window}. */
    public static final String LIMIT_OFFSET = "LIMIT :limit OFFSET :offset";

    private Paging() {
    }

    /** {@code params} with those of {@link #LIMIT_OFFSET} for the page asked for. */
    public static Map<String, Object> window(Map<String, ?> params, int page, int size) {
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", size);
        paged.put("offset", (long) page * size);
        return paged;
    }

    /**
     * One page of {@code SELECT * FROM … WHERE …} in the given order, with the total counted by
     * the same FROM and WHERE.
     *
     * @param fromWhere the query after {@code SELECT *}, with named parameters
     * @param orderBy a total order, so that pages neither overlap nor skip rows
     */
    public static <T> PagedResult<T> select(JdbcClient jdbc, String fromWhere, String orderBy, Map<String, ?> params,
                                            RowMapper<T> rows, int page, int size) {
        return PagedResult.of(
                jdbc.sql("SELECT * " + fromWhere + " ORDER BY " + orderBy + " " + LIMIT_OFFSET)
                        .params(window(params, page, size)).query(rows).list(),
                page, size,
                () -> jdbc.sql("SELECT count(*) " + fromWhere).params(params).query(Long.class).single());
    }
}

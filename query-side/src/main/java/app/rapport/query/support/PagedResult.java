package app.rapport.query.support;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The shape of every list answer: one page of items and how many there are in all.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items match, across all pages
 */
public record PagedResult<T>(List<T> items, int page, int size, long total) {

    /**
     * A page of rows; {@code count} runs only when the page itself cannot tell the total (it is full,
     * or empty past the first page), so a short list costs one statement.
     */
    public static <T> PagedResult<T> of(List<T> rows, int page, int size, LongSupplier count) {
        long offset = (long) page * size;
        boolean tellsTotal = rows.size() < size && (offset == 0 || !rows.isEmpty());
        return new PagedResult<>(rows, page, size, tellsTotal ? offset + rows.size() : count.getAsLong());
    }

    /** Pages a list already in memory, for answers computed rather than read (the asOf timeline). */
    public static <T> PagedResult<T> ofList(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PagedResult<>(all.subList(from, to), page, size, all.size());
    }

    public <R> PagedResult<R> map(Function<T, R> toItem) {
        return new PagedResult<>(items.stream().map(toItem).toList(), page, size, total);
    }
}

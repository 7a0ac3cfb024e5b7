package app.rapport.query.support;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * The shape of every list answer: one page of items and how many there are in all.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items match, across all pages
 */
public record PagedResult<T>(List<T> items, int page, int size, long total) {

    public static <R, T> PagedResult<T> of(Page<R> rows, Function<R, T> toItem) {
        return new PagedResult<>(rows.getContent().stream().map(toItem).toList(),
                rows.getNumber(), rows.getSize(), rows.getTotalElements());
    }

    /** Pages a list already in memory, for answers computed rather than read (the asOf timeline). */
    public static <T> PagedResult<T> ofList(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PagedResult<>(all.subList(from, to), page, size, all.size());
    }
}

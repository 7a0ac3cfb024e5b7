package app.rapport.command.erasure;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/admin/erasures}: the list {@code GET /api/admin/erasures} answered
 * before a backup was restored. No items is a list with nothing to apply.
 */
record ErasureList(List<@NotNull @Valid ListedErasure> items) {

    ErasureList {
        items = items == null ? List.of() : items;
    }
}

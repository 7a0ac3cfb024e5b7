package app.rapport.query.support;

import java.util.List;
import java.util.function.Function;

/**
 * A read model as a rebuild makes it beside the live one (see the admin package's
 * {@code Rebuilds}): its processing group, every table its projection writes, and how to make a
 * fresh instance of that projection on what the rebuild hands it. Each read-model package declares
 * its own, since its projection is package-private; the views {@link JournalAsOf} folds declare
 * theirs once, as an {@link AsOfReadModel}.
 *
 * @param group the processing group, whose processor is stopped for the switch and whose tokens
 *        move to the rebuild's last event
 * @param tables every table the projection writes: each gets an empty copy to fill, and the
 *        copies replace the live tables at the switch
 */
public record RebuiltReadModel(String group, List<String> tables, Function<AsOfReadModel.Parts, Object> projection) {

    public RebuiltReadModel {
        tables = List.copyOf(tables);
        for (String table : tables) {
            if (!table.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a table name: " + table);
            }
        }
    }

    /** A view {@link JournalAsOf} folds, rebuilt from the same description. */
    public static RebuiltReadModel of(AsOfReadModel<?> model) {
        return new RebuiltReadModel(model.name(), model.tables(), model.projection());
    }
}

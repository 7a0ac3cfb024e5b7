package app.rapport.query.commitments;

import java.util.List;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;

/**
 * The commitments ledger as {@link JournalAsOf} folds it, for a view that reads promises as they
 * stood at a moment (a report as of a past review).
 */
public final class CommitmentsAsOf {

    /** Every table {@link CommitmentsProjection} writes. */
    public static final AsOfReadModel<Commitments> READ_MODEL = new AsOfReadModel<>(CommitmentsProjection.GROUP,
            List.of("commitment", "commitment_contact"),
            parts -> new CommitmentsProjection(parts.jdbc(), parts.rederivation()),
            parts -> new Commitments(parts.client()));

    private CommitmentsAsOf() {
    }
}

package app.rapport.query.followup;

import java.util.List;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;

/** The overdue view as {@link JournalAsOf} folds it. */
public final class FollowUpsAsOf {

    /** Every table {@link FollowUpsProjection} writes. */
    public static final AsOfReadModel<FollowUps> READ_MODEL = new AsOfReadModel<>(FollowUpsProjection.GROUP,
            List.of("due_contact", "due_item"),
            parts -> new FollowUpsProjection(parts.jdbc(), parts.practice(), parts.rederivation()),
            parts -> new FollowUps(parts.client()));

    private FollowUpsAsOf() {
    }
}

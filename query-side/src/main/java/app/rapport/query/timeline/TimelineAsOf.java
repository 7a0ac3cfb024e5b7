package app.rapport.query.timeline;

import java.util.List;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;

/** A contact's timeline as {@link JournalAsOf} folds it. */
public final class TimelineAsOf {

    /** Every table {@link TimelineProjection} writes. */
    public static final AsOfReadModel<Timelines> READ_MODEL = new AsOfReadModel<>(TimelineProjection.GROUP,
            List.of("timeline_state", "timeline_entry"),
            parts -> new TimelineProjection(parts.jdbc(), parts.practice(), parts.rederivation(), contact -> false),
            parts -> new Timelines(parts.client()));

    private TimelineAsOf() {
    }
}

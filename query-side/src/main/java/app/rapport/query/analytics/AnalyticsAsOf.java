package app.rapport.query.analytics;

import java.util.List;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;

/** Outreach analytics as {@link JournalAsOf} folds them. */
public final class AnalyticsAsOf {

    /** Every table {@link AnalyticsProjection} writes. */
    public static final AsOfReadModel<OutreachReport> READ_MODEL = new AsOfReadModel<>(AnalyticsProjection.GROUP,
            List.of("outreach_contact", "outreach_request", "outreach_job_inquiry"),
            parts -> new AnalyticsProjection(parts.jdbc(), parts.practice(), parts.rederivation()),
            parts -> new OutreachReport(parts.client()));

    private AnalyticsAsOf() {
    }
}

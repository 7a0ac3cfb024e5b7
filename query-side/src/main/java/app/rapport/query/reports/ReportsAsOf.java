package app.rapport.query.reports;

import java.util.List;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.RebuiltReadModel;

/** The reports as {@link JournalAsOf} folds them: one projection and its tables, read by either report's query. */
public final class ReportsAsOf {

    /** Every table {@link ReportsProjection} writes. */
    static final List<String> TABLES = List.of("report_contact", "report_interview", "report_commitment",
            "report_job_inquiry", "report_referral");

    static final AsOfReadModel<PracticeReport> PRACTICE = new AsOfReadModel<>(ReportsProjection.GROUP, TABLES,
            parts -> new ReportsProjection(parts.jdbc(), parts.rederivation()),
            parts -> new PracticeReport(parts.client(), parts.practice()));

    static final AsOfReadModel<ReferralReport> REFERRALS = new AsOfReadModel<>(ReportsProjection.GROUP, TABLES,
            parts -> new ReportsProjection(parts.jdbc(), parts.rederivation()),
            parts -> new ReferralReport(parts.client()));

    /** The reports' one projection and its tables, as a rebuild makes them beside the live ones. */
    public static final RebuiltReadModel REBUILT = RebuiltReadModel.of(PRACTICE);

    private ReportsAsOf() {
    }
}

package app.rapport.query.reports;

import java.util.List;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;

/** The reports as {@link JournalAsOf} folds them: one projection and its tables, read by either report's query. */
final class ReportsAsOf {

    /** Every table {@link ReportsProjection} writes. */
    static final List<String> TABLES = List.of("report_contact", "report_interview", "report_commitment",
            "report_job_inquiry", "report_referral");

    static final AsOfReadModel<PracticeReport> PRACTICE = new AsOfReadModel<>(ReportsProjection.GROUP, TABLES,
            parts -> new ReportsProjection(parts.jdbc(), parts.rederivation()),
            parts -> new PracticeReport(parts.client(), parts.practice()));

    static final AsOfReadModel<ReferralReport> REFERRALS = new AsOfReadModel<>(ReportsProjection.GROUP, TABLES,
            parts -> new ReportsProjection(parts.jdbc(), parts.rederivation()),
            parts -> new ReferralReport(parts.client()));

    private ReportsAsOf() {
    }
}

package app.rapport.query.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights for a mentoring review: how the practice was kept, and what referrals yielded. The
 * formulas, and a journal worked through by hand, are in docs/reports.md.
 */
@Tag(name = ApiTags.REPORTS)
@RestController
class ReportsController {

    /**
     * The practice report. Rates are fractions from 0 to 1, null when their denominator is 0.
     * Counts of held interviews (denominator {@code held}): kept to time, prepared in time, the
     * four points of the checklist. The others have their denominators beside them.
     *
     * @param asOf the moment the journal is read as recorded by and the deadlines (the thank-you
     *        window, the nudge, a promise's due time) are judged at: the {@code asOf} asked for, or now
     * @param held interviews held in the period
     * @param keptToTime held interviews that lasted no longer than agreed
     * @param preparedInTime held interviews prepared at least {@code rapport.practice.prepare-before}
     *        before the time they were (last) scheduled for
     * @param thankYousDue held interviews already thanked for, or whose thank-you window
     *        ({@code rapport.practice.thank-you-within}) has closed by {@code asOf}: the denominator
     *        of {@code thankYouInTimeRate}
     * @param thankYouInTime held interviews thanked within the window
     * @param nudgesDue requests whose nudge came due ({@code rapport.practice.nudge-after} after the
     *        request) in the period and by {@code asOf}, unanswered, not given up on and not
     *        cancelled before then: the denominator of {@code nudgesSentRate}
     * @param nudgesSent of those, the ones nudged
     * @param jobInquiries job inquiries made in the period: the denominator of {@code earlyJobInquiriesRate}
     * @param earlyJobInquiries of those, the ones asked before the relationship was established
     * @param requestsWithPreferredChannel requests made in the period to a contact who had a
     *        preferred channel when asked or when the interview was last scheduled: the
     *        denominator of {@code ignoredPreferredChannelRate}
     * @param ignoredPreferredChannel of those, the ones requested or last scheduled by another channel
     * @param commitmentsDue promises to contacts due in the period that were kept or dropped, or whose
     *        due time passed by {@code asOf}: the denominator of {@code commitmentsKeptOnTimeRate}
     * @param commitmentsKeptOnTime of those, the ones kept by the time they were due
     * @param slips every lapse of the period, oldest first
     */
    record PracticeAnswer(Instant from, Instant to, Instant asOf,
                          long held,
                          long keptToTime, Double keptToTimeRate,
                          long preparedInTime, Double preparedInTimeRate,
                          long thankedAtStart, Double thankedAtStartRate,
                          long introducedSelf, Double introducedSelfRate,
                          long askedForReferrals, Double askedForReferralsRate,
                          long thankedAtEnd, Double thankedAtEndRate,
                          long thankYousDue, long thankYouInTime, Double thankYouInTimeRate,
                          long nudgesDue, long nudgesSent, Double nudgesSentRate,
                          long jobInquiries, long earlyJobInquiries, Double earlyJobInquiriesRate,
                          long requestsWithPreferredChannel, long ignoredPreferredChannel,
                          Double ignoredPreferredChannelRate,
                          long commitmentsDue, long commitmentsKeptOnTime, Double commitmentsKeptOnTimeRate,
                          PagedResult<SlipItem> slips) {

        static PracticeAnswer of(Instant from, Instant to, Instant asOf, PracticeReport.Counts counts,
                                 PagedResult<SlipItem> slips) {
            long held = counts.held();
            return new PracticeAnswer(from, to, asOf, held,
                    counts.keptToTime(), ratio(counts.keptToTime(), held),
                    counts.preparedInTime(), ratio(counts.preparedInTime(), held),
                    counts.thankedAtStart(), ratio(counts.thankedAtStart(), held),
                    counts.introducedSelf(), ratio(counts.introducedSelf(), held),
                    counts.askedForReferrals(), ratio(counts.askedForReferrals(), held),
                    counts.thankedAtEnd(), ratio(counts.thankedAtEnd(), held),
                    counts.thankYousDue(), counts.thankYouInTime(), ratio(counts.thankYouInTime(), counts.thankYousDue()),
                    counts.nudgesDue(), counts.nudgesSent(), ratio(counts.nudgesSent(), counts.nudgesDue()),
                    counts.jobInquiries(), counts.earlyJobInquiries(),
                    ratio(counts.earlyJobInquiries(), counts.jobInquiries()),
                    counts.requestsWithPreferredChannel(), counts.ignoredPreferredChannel(),
                    ratio(counts.ignoredPreferredChannel(), counts.requestsWithPreferredChannel()),
                    counts.commitmentsDue(), counts.commitmentsKeptOnTime(),
                    ratio(counts.commitmentsKeptOnTime(), counts.commitmentsDue()),
                    slips);
        }
    }

    /**
     * One slip, with the ids that link to the contact and its timeline.
     *
     * @param interviewId null for an early job inquiry, and a promise made outside an interview
     * @param at the time of the timeline entry the slip is about, or the deadline missed
     * @param flag what slipped
     */
    record SlipItem(UUID contactId, String contactName, UUID interviewId, Instant at, Lapse flag) {

        static SlipItem of(PracticeReport.Slip slip) {
            return new SlipItem(slip.contactId(), slip.contactName() == null ? "" : slip.contactName(),
                    slip.interviewId(), slip.at(), slip.flag());
        }
    }

    /**
     * One referrer's yield.
     *
     * @param referralsGiven the people this contact referred the networker to, new or linked
     * @param referralsRequested of those, the ones sent an interview request (or interviewed) at or
     *        after the referral
     * @param referralsInterviewed of those, the ones with an interview held at or after the referral
     * @param yield referralsInterviewed / referralsGiven; null when none was given
     */
    record ReferralRow(UUID contactId, String contactName, long referralsGiven, long referralsRequested,
                       long referralsInterviewed, Double yield) {

        static ReferralRow of(ReferralReport.Counts counts) {
            return new ReferralRow(counts.contactId(), counts.contactName() == null ? "" : counts.contactName(),
                    counts.referralsGiven(), counts.referralsRequested(), counts.referralsInterviewed(),
                    ratio(counts.referralsInterviewed(), counts.referralsGiven()));
        }
    }

    /**
     * The rows summed: a person referred by two referrers counts for each.
     *
     * @param referrers the contacts who made at least one referral
     */
    record ReferralTotals(long referrers, long referralsGiven, long referralsRequested, long referralsInterviewed,
                          Double yield) {

        static ReferralTotals of(List<ReferralRow> rows) {
            long given = rows.stream().mapToLong(ReferralRow::referralsGiven).sum();
            long interviewed = rows.stream().mapToLong(ReferralRow::referralsInterviewed).sum();
            return new ReferralTotals(rows.size(), given, rows.stream().mapToLong(ReferralRow::referralsRequested).sum(),
                    interviewed, ratio(interviewed, given));
        }
    }

    /** The referral report, of the journal as recorded by {@code asOf} (or now). */
    record ReferralAnswer(Instant asOf, List<ReferralRow> rows, ReferralTotals totals) {
    }

    /** Bounds for an open period that PostgreSQL's timestamptz holds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final PracticeReport practice;
    private final ReferralReport referrals;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final JournalAsOf journal;
    private final Clock clock;

    ReportsController(PracticeReport practice, ReferralReport referrals, MenteeAccess access,
                      ConsistencyGate consistency, JournalAsOf journal, Clock clock) {
        this.practice = practice;
        this.referrals = referrals;
        this.access = access;
        this.consistency = consistency;
        this.journal = journal;
        this.clock = clock;
    }

    @Operation(operationId = "findPracticeReport", summary = "Review practice over a period",
            description = "For interviews held in the period: how many kept to time, were prepared and thanked for "
                    + "in time, the checklist, nudges, early job inquiries and ignored preferred channels — "
                    + "each a count with its rate — and the slips, paged.")
    @Parameter(name = "from", description = "Interviews held at or after this instant.")
    @Parameter(name = "to", description = "Interviews held before this instant.")
    @GetMapping("/api/reports/practice")
    PracticeAnswer practice(@RequestParam(required = false) Instant from,
                            @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) Instant asOf,
                            @RequestParam(required = false) String owner,
                            @RequestParam(required = false) Long consistentWith,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQueryParameterException("from", "must not be after 'to'");
        }
        consistency.awaitProcessed(consistentWith, ReportsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        Instant moment = asOf != null ? asOf : clock.instant();
        Instant start = from == null ? EARLIEST : from;
        Instant end = to == null ? LATEST : to;
        Function<PracticeReport, PracticeAnswer> answer = report -> PracticeAnswer.of(from, to, moment,
                report.countPractice(ownerId, start, end, moment),
                report.findSlips(ownerId, start, end, moment, page, size).map(SlipItem::of));
        return asOf == null ? answer.apply(practice)
                : journal.read(ownerId, asOf, consistentWith, ReportsAsOf.PRACTICE, answer);
    }

    @Operation(operationId = "findReferralReport", summary = "Review referrals",
            description = "Per referrer: referrals given, requested and interviewed, and the yield (interviewed ÷ "
                    + "given, null when none given), with totals.")
    @GetMapping("/api/reports/referrals")
    ReferralAnswer referrals(@RequestParam(required = false) Instant asOf,
                             @RequestParam(required = false) String owner,
                             @RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, ReportsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        Instant moment = asOf != null ? asOf : clock.instant();
        Function<ReferralReport, ReferralAnswer> answer = report -> {
            List<ReferralRow> rows = report.countReferrals(ownerId).stream().map(ReferralRow::of).toList();
            return new ReferralAnswer(moment, rows, ReferralTotals.of(rows));
        };
        return asOf == null ? answer.apply(referrals)
                : journal.read(ownerId, asOf, consistentWith, ReportsAsOf.REFERRALS, answer);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

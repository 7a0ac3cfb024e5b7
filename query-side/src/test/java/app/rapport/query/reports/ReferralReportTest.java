package app.rapport.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.ReferralLinked;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.query.reports.ReportsController.ReferralRow;
import app.rapport.query.reports.ReportsController.ReferralTotals;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The referral report against a journal worked out by hand, the second worked example of
 * docs/reports.md.
 */
class ReferralReportTest extends QueryIntegrationTest {

    @Autowired
    ReferralReport report;

    static Instant at(String dayAndTime) {
        return Instant.parse("2026-" + dayAndTime + ":00Z");
    }

    record Example(Journal journal, UUID ana, UUID fay) {
    }

    /**
     * <ul>
     * <li>Ana refers Ben (1 Feb; asked 2 Feb, held 10 Feb), Cai (3 Feb; asked 4 Feb, declined) and
     * Dee (5 Feb; never asked), and links Eve (6 Feb), a contact since 5 Jan who was asked on 15 Jan
     * and interviewed on 20 Jan, before the referral, and not since.
     * <li>Fay links Gus (1 Feb), asked on 25 Jan, before the referral, and held on 12 Feb, after it;
     * and refers Hal (2 Feb), whose only request was retracted.
     * </ul>
     */
    Example example() {
        Journal journal = journal();
        var ana = journal.contact("Ana Ruiz", at("01-02T09:00"));
        var fay = journal.contact("Fay Wong", at("01-02T09:00"));
        var eve = journal.contact("Eve Stone", at("01-05T09:00"));
        var gus = journal.contact("Gus Berg", at("01-05T09:00"));

        UUID earlier = eve.request(Channel.EMAIL, 30, "archives", at("01-15T09:00"));
        eve.accept(earlier, at("01-16T09:00")).hold(earlier, 30, 30, at("01-20T15:00"));
        UUID gusInterview = gus.request(Channel.EMAIL, 30, "maps", at("01-25T09:00"));

        var ben = ana.referral("Ben Ode", at("02-01T09:00"));
        UUID benInterview = ben.request(Channel.EMAIL, 30, "records", at("02-02T09:00"));
        ben.accept(benInterview, at("02-03T09:00")).hold(benInterview, 30, 35, at("02-10T15:00"));
        var cai = ana.referral("Cai Lin", at("02-03T09:00"));
        UUID caiInterview = cai.request(Channel.PHONE, 20, "museums", at("02-04T09:00"));
        cai.decline(caiInterview, at("02-05T09:00"));
        ana.referral("Dee Moss", at("02-05T09:00"));
        ana.append(new ReferralLinked(ana.id, journal.owner(), eve.id, at("02-06T09:00")), at("02-06T09:00"));

        fay.append(new ReferralLinked(fay.id, journal.owner(), gus.id, at("02-01T09:00")), at("02-01T09:00"));
        gus.accept(gusInterview, at("02-03T09:00")).hold(gusInterview, 30, 30, at("02-12T15:00"));
        var hal = fay.referral("Hal Kerr", at("02-02T09:00"));
        UUID halInterview = hal.request(Channel.EMAIL, 30, "libraries", at("02-03T09:00"));
        hal.retract(hal.lastEventId(), InterviewRequested.class, halInterview, null, "never sent",
                at("02-03T10:00"));

        awaitProjections();
        return new Example(journal, ana.id, fay.id);
    }

    List<ReferralRow> rowsOf(Journal journal) {
        return report.countReferrals(journal.owner()).stream().map(ReferralRow::of).toList();
    }

    @Test
    void perReferrer_countsWhatWasWorkedOutByHand_mostReferralsFirst() {
        Example e = example();

        assertThat(rowsOf(e.journal())).containsExactly(
                new ReferralRow(e.ana(), "Ana Ruiz", 4, 2, 1, 0.25),
                new ReferralRow(e.fay(), "Fay Wong", 2, 1, 1, 0.5));
    }

    @Test
    void totals_sumTheRows() {
        Example e = example();

        ReferralTotals totals = ReferralTotals.of(rowsOf(e.journal()));

        assertThat(totals.referrers()).isEqualTo(2);
        assertThat(totals.referralsGiven()).isEqualTo(6);
        assertThat(totals.referralsRequested()).isEqualTo(3);
        assertThat(totals.referralsInterviewed()).isEqualTo(2);
        assertThat(totals.yield()).isEqualTo(2.0 / 6);
    }

    @Test
    void noReferrals_noRows_andTotalsWithoutAYield() {
        Journal journal = journal();
        journal.contact("Nobody Referred", at("01-02T09:00"));
        awaitProjections();

        assertThat(rowsOf(journal)).isEmpty();
        assertThat(ReferralTotals.of(rowsOf(journal))).isEqualTo(new ReferralTotals(0, 0, 0, 0, null));
    }

    @Test
    void anotherNetworkersJournal_showsNoneOfThisOnesReferrals() {
        example();

        assertThat(rowsOf(journal())).isEmpty();
    }

    @Test
    void aContactReferredByTwo_countsForEach() {
        Journal journal = journal();
        var ana = journal.contact("Ana Ruiz", at("01-02T09:00"));
        var fay = journal.contact("Fay Wong", at("01-02T09:00"));
        var ben = ana.referral("Ben Ode", at("02-01T09:00"));
        fay.append(new ReferralLinked(fay.id, journal.owner(), ben.id, at("02-02T09:00")), at("02-02T09:00"));
        UUID interview = ben.request(Channel.EMAIL, 30, "records", at("02-03T09:00"));
        ben.accept(interview, at("02-04T09:00")).hold(interview, 30, 30, at("02-05T15:00"));
        awaitProjections();

        assertThat(rowsOf(journal)).extracting(ReferralRow::referralsInterviewed).containsExactly(1L, 1L);
        assertThat(ReferralTotals.of(rowsOf(journal)).referralsInterviewed()).isEqualTo(2);
    }
}

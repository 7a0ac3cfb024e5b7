package app.rapport.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outreach report by two keys, against a journal whose numbers are worked out by hand below,
 * and the specialization keys compared without case and surrounding space.
 */
class OutreachTwoKeysTest extends QueryIntegrationTest {

    static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Autowired
    OutreachReport report;

    /**
     * Three contacts: Maya (" Data ", cold, recorded first), Omar ("data", event, recorded a day
     * later) and Lee ("Archives", cold). Six requests and four job inquiries:
     * <pre>
     * #  contact channel requested  outcome                       hours
     * 1  Maya    EMAIL   Jan 10     accepted Jan 11, held 40/30 min (overran), thanked in 3 h   24
     * 2  Maya    PHONE   Jan 12     declined 12 h later           12
     * 3  Omar    EMAIL   Feb 2      pending                       -
     * 4  Omar    EMAIL   Jan 15     given up on Jan 25            -
     * 5  Lee     VIDEO   Feb 3      accepted 6 h later            6
     * 6  Lee     EMAIL   Feb 5      nudged Feb 13, declined Feb 14 (216 h)   216
     * inquiries: Maya Jan 25 (early), Omar Feb 10, Lee Feb 20 (early), Maya Mar 1
     * </pre>
     * By channel and month: EMAIL 2026-01 {1, 4}, EMAIL 2026-02 {3, 6}, PHONE 2026-01 {2},
     * VIDEO 2026-02 {5}; no inquiry counts (an inquiry has no channel).
     * By specialization and month: archives 2026-02 {5, 6} + Lee's inquiry; data 2026-01 {1, 2, 4}
     * + Maya's first; data 2026-02 {3} + Omar's; data 2026-03 no request + Maya's second.
     */
    Journal journal6() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", "City Archives", " Data ", ContactSource.COLD, Channel.EMAIL,
                at("2026-01-05T09:00:00Z"));
        var omar = journal.contact("Omar Haddad", "Museum", "data", ContactSource.EVENT, Channel.EMAIL,
                at("2026-01-06T09:00:00Z"));
        var lee = journal.contact("Lee Park", "Library", "Archives", ContactSource.COLD, Channel.VIDEO,
                at("2026-01-07T09:00:00Z"));

        UUID one = maya.request(Channel.EMAIL, 30, "data work", at("2026-01-10T09:00:00Z"));
        maya.accept(one, at("2026-01-11T09:00:00Z")).hold(one, 30, 40, at("2026-01-20T09:00:00Z"))
                .thank(one, at("2026-01-20T12:00:00Z"));
        UUID two = maya.request(Channel.PHONE, 20, "records", at("2026-01-12T09:00:00Z"));
        maya.decline(two, at("2026-01-12T21:00:00Z"));
        omar.request(Channel.EMAIL, 20, "curation", at("2026-02-02T09:00:00Z"));
        UUID four = omar.request(Channel.EMAIL, 20, "exhibits", at("2026-01-15T09:00:00Z"));
        omar.unanswered(four, at("2026-01-25T09:00:00Z"));
        UUID five = lee.request(Channel.VIDEO, 25, "digital archives", at("2026-02-03T09:00:00Z"));
        lee.accept(five, at("2026-02-03T15:00:00Z"));
        UUID six = lee.request(Channel.EMAIL, 25, "maps", at("2026-02-05T09:00:00Z"));
        lee.nudge(six, at("2026-02-13T09:00:00Z")).decline(six, at("2026-02-14T09:00:00Z"));

        maya.jobInquiry(true, at("2026-01-25T10:00:00Z"));
        omar.jobInquiry(false, at("2026-02-10T10:00:00Z"));
        lee.jobInquiry(true, at("2026-02-20T10:00:00Z"));
        maya.jobInquiry(false, at("2026-03-01T10:00:00Z"));
        awaitProjections();
        return journal;
    }

    List<OutreachController.Row> rows(Journal journal, List<OutreachKey> keys) {
        return report.countOutreach(journal.owner(), keys, FAR_PAST, FAR_FUTURE).stream()
                .map(counts -> OutreachController.Row.of(counts, keys)).toList();
    }

    @Test
    void byChannelAndMonth_countsEachPair_andNoJobInquiries() {
        var rows = rows(journal6(), List.of(OutreachKey.CHANNEL, OutreachKey.MONTH));

        assertThat(rows).extracting(row -> row.keys().get("channel"), row -> row.keys().get("month"),
                        OutreachController.Row::requests)
                .containsExactly(tuple("EMAIL", "2026-01", 2L), tuple("EMAIL", "2026-02", 2L),
                        tuple("PHONE", "2026-01", 1L), tuple("VIDEO", "2026-02", 1L));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.key()).as("two keys: keys, not key").isNull();
            assertThat(row.keys()).containsOnlyKeys("channel", "month");
            assertThat(row.jobInquiries()).isNull();
            assertThat(row.earlyJobInquiries()).isNull();
        });
        var emailJanuary = rows.get(0);
        assertThat(emailJanuary.accepted()).isEqualTo(1);
        assertThat(emailJanuary.noResponse()).isEqualTo(1);
        assertThat(emailJanuary.responseRate()).as("1 of 2").isEqualTo(0.5);
        assertThat(emailJanuary.acceptanceRate()).isEqualTo(1.0);
        assertThat(emailJanuary.medianHoursToResponse()).isEqualTo(24.0);
        assertThat(emailJanuary.held()).isEqualTo(1);
        assertThat(emailJanuary.overran()).isEqualTo(1);
        assertThat(emailJanuary.thankYouWithin24h()).isEqualTo(1);
        var emailFebruary = rows.get(1);
        assertThat(emailFebruary.pending()).isEqualTo(1);
        assertThat(emailFebruary.declined()).isEqualTo(1);
        assertThat(emailFebruary.acceptanceRate()).isEqualTo(0.0);
        assertThat(emailFebruary.medianHoursToResponse()).isEqualTo(216.0);
        assertThat(emailFebruary.nudged()).isEqualTo(1);
        assertThat(emailFebruary.respondedAfterNudge()).isEqualTo(1);
        assertThat(rows.get(2).medianHoursToResponse()).as("PHONE 2026-01").isEqualTo(12.0);
        assertThat(rows.get(3).medianHoursToResponse()).as("VIDEO 2026-02").isEqualTo(6.0);
    }

    @Test
    void bySpecializationAndMonth_foldsTheSpellings_andCountsJobInquiriesInEachPair() {
        var rows = rows(journal6(), List.of(OutreachKey.SPECIALIZATION, OutreachKey.MONTH));

        assertThat(rows).extracting(row -> row.keys().get("specialization"), row -> row.keys().get("month"),
                        OutreachController.Row::requests, OutreachController.Row::jobInquiries,
                        OutreachController.Row::earlyJobInquiries)
                .containsExactly(tuple("Archives", "2026-02", 2L, 1L, 1L), tuple("Data", "2026-01", 3L, 1L, 1L),
                        tuple("Data", "2026-02", 1L, 1L, 0L), tuple("Data", "2026-03", 0L, 1L, 0L));
        var dataJanuary = rows.get(1);
        assertThat(dataJanuary.responses()).isEqualTo(2);
        assertThat(dataJanuary.responseRate()).as("2 of 3").isEqualTo(2.0 / 3);
        assertThat(dataJanuary.acceptanceRate()).isEqualTo(0.5);
        assertThat(dataJanuary.medianHoursToResponse()).as("of 24 h and 12 h").isEqualTo(18.0);
        var archives = rows.get(0);
        assertThat(archives.medianHoursToResponse()).as("of 6 h and 216 h").isEqualTo(111.0);
        assertThat(rows.get(3).responseRate()).as("no request that month").isNull();
    }

    @Test
    void byMonthAndSource_keepsTheKeysInTheOrderAsked() {
        var rows = rows(journal6(), List.of(OutreachKey.MONTH, OutreachKey.SOURCE));

        assertThat(rows).extracting(row -> List.copyOf(row.keys().keySet())).containsOnly(List.of("month", "source"));
        assertThat(rows).extracting(row -> row.keys().get("month"), row -> row.keys().get("source"),
                        OutreachController.Row::requests, OutreachController.Row::noResponse,
                        OutreachController.Row::pending, OutreachController.Row::jobInquiries,
                        OutreachController.Row::earlyJobInquiries)
                .containsExactly(tuple("2026-01", "COLD", 2L, 0L, 0L, 1L, 1L),
                        tuple("2026-01", "EVENT", 1L, 1L, 0L, 0L, 0L),
                        tuple("2026-02", "COLD", 2L, 0L, 0L, 1L, 1L),
                        tuple("2026-02", "EVENT", 1L, 0L, 1L, 1L, 0L),
                        tuple("2026-03", "COLD", 0L, 0L, 0L, 1L, 0L));
    }

    @Test
    void bySpecializationAlone_isOneRowPerFoldedKey_shownAsFirstWritten_withTheJobInquiriesOfEach() {
        var rows = rows(journal6(), List.of(OutreachKey.SPECIALIZATION));

        assertThat(rows).extracting(OutreachController.Row::key, OutreachController.Row::requests,
                        OutreachController.Row::jobInquiries, OutreachController.Row::earlyJobInquiries)
                .containsExactly(tuple("Archives", 2L, 1L, 1L), tuple("Data", 4L, 3L, 1L));
        assertThat(rows).allSatisfy(row -> assertThat(row.keys()).as("one key: key, not keys").isNull());
    }

    @Test
    void aSpecialization_isShownByTheSpellingRecordedFirst_amongThoseThatStand() {
        Journal journal = journal();
        var first = journal.contact("Ana Ruiz", "Archive", "Archives", ContactSource.COLD, Channel.EMAIL,
                at("2026-01-05T09:00:00Z"));
        var second = journal.contact("Ben Cole", "Library", "  ARCHIVES ", ContactSource.COLD, Channel.EMAIL,
                at("2026-01-06T09:00:00Z"));
        first.request(Channel.EMAIL, 30, "records", at("2026-01-10T09:00:00Z"));
        second.request(Channel.EMAIL, 30, "records", at("2026-01-10T09:00:00Z"));
        awaitProjections();
        assertThat(rows(journal, List.of(OutreachKey.SPECIALIZATION))).extracting(OutreachController.Row::key)
                .containsExactly("Archives");

        first.rename("Ana Ruiz", "Archive", at("2026-01-07T09:00:00Z"));
        awaitProjections();

        assertThat(rows(journal, List.of(OutreachKey.SPECIALIZATION)))
                .as("Ana's spelling is now 'archives', recorded on Jan 7, after Ben's")
                .extracting(OutreachController.Row::key, OutreachController.Row::requests)
                .containsExactly(tuple("ARCHIVES", 2L));
    }

    @Test
    void aDetailsChangeThatKeepsTheSpecialization_keepsWhenItWasWritten() {
        Journal journal = journal();
        var first = journal.contact("Ana Ruiz", "Archive", "archives", ContactSource.COLD, Channel.EMAIL,
                at("2026-01-05T09:00:00Z"));
        var second = journal.contact("Ben Cole", "Library", "ARCHIVES", ContactSource.COLD, Channel.EMAIL,
                at("2026-01-06T09:00:00Z"));
        second.request(Channel.EMAIL, 30, "records", at("2026-01-10T09:00:00Z"));
        first.rename("Ana Ruiz-Ortiz", "Archive", at("2026-01-08T09:00:00Z"));
        awaitProjections();

        assertThat(rows(journal, List.of(OutreachKey.SPECIALIZATION))).extracting(OutreachController.Row::key)
                .as("Ana's 'archives' still dates from Jan 5").containsExactly("archives");
    }

    @Test
    void theOneKeyAnswer_isAsBefore() {
        Journal journal = journal6();

        assertThat(report.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE))
                .extracting(OutreachReport.Counts::key, OutreachReport.Counts::secondKey, OutreachReport.Counts::requests)
                .containsExactly(tuple("EMAIL", null, 4L), tuple("PHONE", null, 1L), tuple("VIDEO", null, 1L));
        assertThat(report.countOutreach(journal.owner(), "month", FAR_PAST, at("2026-02-01T00:00:00Z")))
                .extracting(OutreachReport.Counts::key, OutreachReport.Counts::requests,
                        OutreachReport.Counts::jobInquiries)
                .containsExactly(tuple("2026-01", 3L, 1L));
    }

    @Test
    void theTwoKeyReport_isCutByThePeriodToo() {
        Journal journal = journal6();

        assertThat(report.countOutreach(journal.owner(), "source,month", at("2026-02-01T00:00:00Z"),
                        at("2026-02-15T00:00:00Z")))
                .extracting(OutreachReport.Counts::key, OutreachReport.Counts::secondKey,
                        OutreachReport.Counts::requests, OutreachReport.Counts::jobInquiries)
                .containsExactly(tuple("COLD", "2026-02", 2L, 0L), tuple("EVENT", "2026-02", 1L, 1L));
        assertThat(Duration.between(at("2026-02-05T09:00:00Z"), at("2026-02-14T09:00:00Z")).toHours())
                .as("request #6's hours to its answer").isEqualTo(216);
    }
}

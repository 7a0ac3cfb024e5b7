package app.rapport.query.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.JournalAsOf;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outreach analytics: how requests fared, grouped by one or two of channel, source, specialization
 * and month ({@link OutreachKey}); with {@code asOf}, as recorded by then ({@link JournalAsOf}).
 */
@Tag(name = ApiTags.ANALYTICS)
@RestController
class OutreachController {

    /**
     * One row of the report. Counts are of requests made in the period, and of job inquiries made
     * in it.
     *
     * @param key the row's key when grouped by one (absent when grouped by two)
     * @param keys the row's keys by name when grouped by two ({@code {"channel": "EMAIL", "month":
     *        "2026-01"}}, in the order asked); absent when grouped by one, so that answer is as it was
     * @param responses accepted + declined: the contact answered, late answers included. A request
     *        given up on ({@code noResponse}) is not a response, and neither is one still
     *        {@code pending}. Cancelled requests count only in {@code requests}.
     * @param responseRate responses / requests, from 0 to 1; null when there are no requests
     * @param acceptanceRate accepted / responses, from 0 to 1; null when there are no responses
     * @param medianHoursToResponse the median time from request to answer over the responses,
     *        null when there are none
     * @param held requests whose interview was held
     * @param overran held interviews that ran longer than agreed
     * @param thankYouWithin24h held interviews thanked for within {@code rapport.practice.thank-you-within}
     * @param nudged requests the one nudge was sent for
     * @param respondedAfterNudge nudged requests that were answered afterwards (accepted or declined)
     * @param responseRateAfterNudge respondedAfterNudge / nudged; null when none was nudged
     * @param lateResponses answers that came after the request was given up on (counted in
     *        {@code responses}, no longer in {@code noResponse})
     * @param ignoredPreferredChannel requests sent, or interviews last scheduled, by another channel
     *        than the contact preferred then
     * @param ignoredPreferredLocation requests whose interview was last scheduled at another place
     *        than the contact preferred then
     * @param jobInquiries times the networker asked about openings; null when grouped by channel
     * @param earlyJobInquiries of those, asked before the relationship was established; null when
     *        grouped by channel
     */
    record Row(@JsonInclude(JsonInclude.Include.NON_NULL) String key,
               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> keys, long requests,
               long responses, long accepted, long declined, long noResponse, long pending, Double responseRate,
               Double acceptanceRate, Double medianHoursToResponse, long held, long overran, long thankYouWithin24h,
               long nudged, long respondedAfterNudge, Double responseRateAfterNudge, long lateResponses,
               long ignoredPreferredChannel, long ignoredPreferredLocation, Long jobInquiries,
               Long earlyJobInquiries) {

        /** A row of a report grouped by one key. */
        static Row of(OutreachReport.Counts counts) {
            return of(counts, List.of(OutreachKey.CHANNEL));
        }

        /** A row of a report grouped by these keys, one or two. */
        static Row of(OutreachReport.Counts counts, List<OutreachKey> grouping) {
            Map<String, String> keys = null;
            if (grouping.size() == 2) {
                keys = new LinkedHashMap<>();
                keys.put(grouping.get(0).parameter(), counts.key());
                keys.put(grouping.get(1).parameter(), counts.secondKey());
            }
            long responses = counts.accepted() + counts.declined();
            return new Row(keys == null ? counts.key() : null, keys, counts.requests(), responses,
                    counts.accepted(), counts.declined(), counts.noResponse(), counts.pending(),
                    ratio(responses, counts.requests()), ratio(counts.accepted(), responses),
                    counts.medianHoursToResponse(), counts.held(), counts.overran(), counts.thankYouWithin24h(),
                    counts.nudged(), counts.respondedAfterNudge(), ratio(counts.respondedAfterNudge(), counts.nudged()),
                    counts.lateResponses(), counts.ignoredPreferredChannel(), counts.ignoredPreferredLocation(),
                    counts.jobInquiries(), counts.earlyJobInquiries());
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }

    /**
     * The report; {@code from} and {@code to} as asked (absent: unbounded), {@code to} exclusive.
     *
     * @param groupBy the key, or the two keys separated by a comma, in the order asked
     */
    record Report(String groupBy, Instant from, Instant to, List<Row> rows) {
    }

    /** Bounds for an open period that PostgreSQL's timestamptz holds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final OutreachReport requests;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final JournalAsOf journal;

    OutreachController(OutreachReport requests, MenteeAccess access, ConsistencyGate consistency,
                       JournalAsOf journal) {
        this.requests = requests;
        this.access = access;
        this.consistency = consistency;
        this.journal = journal;
    }

    @Operation(operationId = "findOutreach", summary = "Read outreach analytics",
            description = "Requests, responses, acceptances, held interviews and thank-yous counted by channel, "
                    + "source, specialization or month (or two of them, e.g. channel,month), with rates that "
                    + "are fractions from 0 to 1, null where the denominator is 0.")
    @Parameter(name = "groupBy",
            description = "channel (default), source, specialization or month; or two, comma-separated.")
    @Parameter(name = "from", description = "Requests made at or after this instant.")
    @Parameter(name = "to", description = "Requests made before this instant.")
    @GetMapping("/api/analytics/outreach")
    Report outreach(@RequestParam(required = false) String groupBy,
                    @RequestParam(required = false) Instant from,
                    @RequestParam(required = false) Instant to,
                    @RequestParam(required = false) String owner,
                    @RequestParam(required = false) Long consistentWith,
                    @RequestParam(required = false) Instant asOf) {
        List<OutreachKey> grouping = OutreachKey.parse(groupBy);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQueryParameterException("from", "must not be after 'to'");
        }
        consistency.awaitProcessed(consistentWith, AnalyticsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        Function<OutreachReport, List<Row>> count = report -> report.countOutreach(ownerId, grouping,
                        from == null ? EARLIEST : from, to == null ? LATEST : to)
                .stream().map(counts -> Row.of(counts, grouping)).toList();
        List<Row> rows = asOf == null ? count.apply(requests)
                : journal.read(ownerId, asOf, consistentWith, AnalyticsAsOf.READ_MODEL, count);
        return new Report(grouping.stream().map(OutreachKey::parameter).collect(Collectors.joining(",")), from, to,
                rows);
    }
}

package app.rapport.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.contact.ReferralLinked;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.query.Journal;
import app.rapport.query.Promises;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ReplayTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final String[] READ_MODEL_TABLES = {"contact", "contact_interview", "contact_follow_up",
            "contact_commitment", "timeline_entry", "timeline_state", "due_item", "due_contact", "outreach_contact",
            "outreach_request", "outreach_job_inquiry", "audit_entry", "mentor_grant", "commitment", "commitment_contact",
            "report_contact", "report_interview", "report_commitment", "report_job_inquiry", "report_referral",
            "erased_contact", "calendar_feed"};

    void someHistory() {
        Journal journal = journal();
        journal.grant("mentor-" + UUID.randomUUID(), T0);
        for (int i = 0; i < 5; i++) {
            var contact = journal.contact("Contact " + i, T0.plus(Duration.ofDays(i)));
            UUID interview = contact.request(i % 2 == 0 ? Channel.EMAIL : Channel.PHONE, 30, "work " + i,
                    T0.plus(Duration.ofDays(i)));
            if (i > 0) {
                contact.accept(interview, T0.plus(Duration.ofDays(i + 1)))
                        .schedule(interview, T0.plus(Duration.ofDays(i + 5)), T0.plus(Duration.ofDays(i + 2)));
            }
            if (i > 1) {
                contact.hold(interview, 30, 30 + i * 5, T0.plus(Duration.ofDays(i + 5)))
                        .thank(interview, T0.plus(Duration.ofDays(i + 5)).plus(Duration.ofHours(i * 10)));
            }
            if (i > 2) {
                contact.followUp(T0.plus(Duration.ofDays(i + 20))).jobInquiry(i == 3, T0.plus(Duration.ofDays(i + 21)));
            }
            if (i == 4) {
                contact.archive(T0.plus(Duration.ofDays(30)));
            }
        }
        amendedHistory(journal);
        promises(journal);
        erasedHistory(journal);
        erasedAccount();
        awaitProjections();
    }

    /**
     * A contact forgotten after a whole relationship (a referral to it, a correction, a promise) and
     * one it referred: its key is gone, so the replay reads its personal fields as erased
     * placeholders where the live projections read them in full, and must still rebuild the rows the
     * live erasure left.
     */
    void erasedHistory(Journal journal) {
        var referrer = journal.contact("Referrer", T0);
        var erased = referrer.referral("Forgotten", T0.plus(Duration.ofDays(1)));
        erased.rename("Forgotten Person", "Elsewhere", T0.plus(Duration.ofDays(1)));
        UUID interview = erased.request(Channel.EMAIL, 30, "records", T0.plus(Duration.ofDays(2)));
        erased.accept(interview, T0.plus(Duration.ofDays(3)))
                .schedule(interview, T0.plus(Duration.ofDays(9)), T0.plus(Duration.ofDays(3)))
                .prepare(interview, T0.plus(Duration.ofDays(8)))
                .hold(interview, 30, 40, T0.plus(Duration.ofDays(9)));
        erased.correct(erased.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, null, null, null, "written up later", null), "the notes",
                T0.plus(Duration.ofDays(10)));
        Promises.make(erased, "send the paper", interview, T0.plus(Duration.ofDays(20)), T0.plus(Duration.ofDays(10)));
        erased.thank(interview, T0.plus(Duration.ofDays(10))).followUp(T0.plus(Duration.ofDays(12)))
                .jobInquiry(false, T0.plus(Duration.ofDays(13)));
        erased.referral("Referred by the forgotten", T0.plus(Duration.ofDays(14)));
        erased.erase("asked to be forgotten", T0.plus(Duration.ofDays(15)));
    }

    /** An account erased after its one contact: the replay reads its mentor's name as erased. */
    void erasedAccount() {
        Journal leaving = journal();
        leaving.grant("mentor-" + UUID.randomUUID(), T0);
        leaving.profile("Leaving", "State", "History", List.of("archives"), T0);
        var contact = leaving.contact("Last contact", T0);
        contact.followUp(T0.plus(Duration.ofDays(1)));
        contact.erase("leaving the centre", T0.plus(Duration.ofDays(2)));
        leaving.eraseAccount(T0.plus(Duration.ofDays(2)));
    }

    /** Promises due, kept on time and late, by a follow-up, dropped, and open across an archive and a restore. */
    void promises(Journal journal) {
        var contact = journal.contact("Promised", T0);
        UUID interview = contact.request(Channel.EMAIL, 30, "work", T0);
        contact.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(2)));
        UUID article = Promises.make(contact, "send the article", interview, T0.plus(Duration.ofDays(9)),
                T0.plus(Duration.ofDays(2)));
        UUID slides = Promises.make(contact, "send the slides", interview, T0.plus(Duration.ofDays(4)),
                T0.plus(Duration.ofDays(2)));
        UUID visit = Promises.make(contact, "visit the archive", null, null, T0.plus(Duration.ofDays(2)));
        Promises.make(contact, "tell her how it went", null, T0.plus(Duration.ofDays(40)), T0.plus(Duration.ofDays(3)));
        Promises.followUpKeeping(contact, T0.plus(Duration.ofDays(5)), article);
        Promises.keep(contact, slides, "late, but sent", T0.plus(Duration.ofDays(6)));
        contact.archive(T0.plus(Duration.ofDays(7))).restore(T0.plus(Duration.ofDays(8)));
        Promises.drop(contact, visit, "it closed", T0.plus(Duration.ofDays(9)));
    }

    /** Nudges, a late answer, corrections and retractions, each of which a replay must fold as the live processor did. */
    void amendedHistory(Journal journal) {
        var contact = journal.contactPreferring("Amended", Channel.IN_PERSON, "Café Rosa", T0);
        UUID interview = contact.request(Channel.EMAIL, 30, "work", T0);
        contact.nudge(interview, T0.plus(Duration.ofDays(8)));
        contact.retract(contact.lastEventId(), NudgeSent.class, interview, null, "never sent", T0.plus(Duration.ofDays(9)));
        contact.nudge(interview, T0.plus(Duration.ofDays(10))).unanswered(interview, T0.plus(Duration.ofDays(20)))
                .accept(interview, T0.plus(Duration.ofDays(22)))
                .schedule(interview, T0.plus(Duration.ofDays(30)), Channel.VIDEO, "Zoom", T0.plus(Duration.ofDays(22)))
                .hold(interview, 30, 45, T0.plus(Duration.ofDays(30)));
        String hold = contact.lastEventId();
        contact.correct(hold, InterviewHeld.class, interview, null,
                new EntryChanges(null, T0.plus(Duration.ofDays(31)), 30, null, null, null), "the next day, on time",
                T0.plus(Duration.ofDays(32)));
        contact.thank(interview, T0.plus(Duration.ofDays(33)));
        contact.retract(contact.lastEventId(), ThankYouSent.class, interview, null, "still a draft",
                T0.plus(Duration.ofDays(33)).plusSeconds(60));
        contact.thank(interview, T0.plus(Duration.ofDays(34))).followUp(T0.plus(Duration.ofDays(40)));
        contact.correct(contact.lastEventId(), FollowUpLogged.class, null, contact.lastFollowUpId(),
                new EntryChanges(null, null, null, "took her advice", null, Channel.SOCIAL_MESSAGE), "the other note",
                T0.plus(Duration.ofDays(41)));
        contact.jobInquiry(false, T0.plus(Duration.ofDays(42)));
        contact.retract(contact.lastEventId(), JobInquiryMade.class, null, null, "too soon", T0.plus(Duration.ofDays(43)));
        UUID promise = UUID.randomUUID();
        contact.append(new CommitmentMade(contact.id, journal.owner(), promise, interview, "send the article",
                        T0.plus(Duration.ofDays(36)), T0.plus(Duration.ofDays(34))), T0.plus(Duration.ofDays(34)))
                .append(new CommitmentKept(contact.id, journal.owner(), promise, null, "sent",
                        T0.plus(Duration.ofDays(37))), T0.plus(Duration.ofDays(37)));
        var referred = contact.referral("Referred", T0.plus(Duration.ofDays(44)));
        referred.request(Channel.PHONE, 20, "records", T0.plus(Duration.ofDays(45)));
        var known = journal.contact("Known before", T0);
        contact.append(new ReferralLinked(contact.id, journal.owner(), known.id, T0.plus(Duration.ofDays(45))),
                T0.plus(Duration.ofDays(45)));
        contact.correct(hold, InterviewHeld.class, interview, null,
                new EntryChanges(null, null, null, null, "notes written up later", null), "the notes",
                T0.plus(Duration.ofDays(46)));
    }

    boolean replaysDone() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        // a rebuild beside the live tables shows only here: the live processors are current throughout
        JsonNode status = http.getForObject("/api/admin/replay", JsonNode.class);
        boolean rebuilt = java.util.stream.StreamSupport.stream(status.spliterator(), false)
                .noneMatch(processor -> processor.get("replaying").asBoolean());
        return rebuilt && processing.eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast)
                .noneMatch(StreamingEventProcessor::isReplaying)
                && groups.names().stream()
                .allMatch(group -> {
                    try {
                        consistency.awaitProcessed(head, group);
                        return true;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
    }

    /** Several journals, so that the rebuild's threads (which split the store by owner) each fold some. */
    @Test
    void replayOfAllProcessors_rebuildsEveryReadModelRowForRow() {
        for (int owner = 0; owner < 4; owner++) {
            someHistory();
        }
        var live = dump(READ_MODEL_TABLES);
        assertThat(live.get("timeline_entry")).isNotEmpty();

        ResponseEntity<JsonNode> started = http.postForEntity("/api/admin/replay?processor=all", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("processors")).hasSizeGreaterThanOrEqualTo(6);
        await(Duration.ofSeconds(60), this::replaysDone);

        assertThat(dump(READ_MODEL_TABLES)).isEqualTo(live);
    }

    /**
     * While the journal's read models are rebuilt beside the live ones, every read sees all it saw
     * before, and what is recorded meanwhile (before, during and after the switch) is in the
     * rebuilt tables; the live indexes keep their names, and a read consistent with a position
     * recorded during the rebuild is answered after it.
     */
    @Test
    void replay_keepsTheWholeJournalReadable_andLosesNothingRecordedMeanwhile() {
        someHistory();
        Journal journal = journal();
        journal.contact("Before the replay", T0);
        awaitProjections();
        long contactsBefore = count("contact");
        long entriesBefore = count("timeline_entry");
        long auditBefore = count("audit_entry");
        var indexes = jdbc.queryForList("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = current_schema()"
                + " ORDER BY 1, 2");

        ResponseEntity<JsonNode> started = http.postForEntity("/api/admin/replay?processor=all", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        int added = 0;
        long lastPosition = 0;
        while (!replaysDone()) {
            // what was there before is there throughout; what is recorded meanwhile comes as projections catch up
            assertThat(count("contact")).isGreaterThanOrEqualTo(contactsBefore);
            assertThat(count("timeline_entry")).isGreaterThanOrEqualTo(entriesBefore);
            assertThat(count("audit_entry")).isGreaterThanOrEqualTo(auditBefore);
            if (added < 20) {
                lastPosition = journal.contact("During the replay " + added, T0).position();
                added++;
            }
        }
        ResponseEntity<JsonNode> again = http.postForEntity("/api/admin/replay?processor=all", null, JsonNode.class);
        assertThat(again.getStatusCode()).isIn(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        await(Duration.ofSeconds(60), this::replaysDone);

        consistency.awaitProcessed(lastPosition, "contacts", "timeline");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE owner_id = ?", Long.class, journal.owner()))
                .isEqualTo(1 + added);
        assertThat(count("contact")).isEqualTo(contactsBefore + added);
        assertThat(jdbc.queryForList("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = current_schema()"
                + " ORDER BY 1, 2")).isEqualTo(indexes);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rapport_re%'", Long.class))
                .isZero();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Test
    void replayOfAnUnknownProcessor_isBadRequestNamingProcessor() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/admin/replay?processor=nope", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("processor");
    }

    @Test
    void prometheus_showsTheLagOfEveryProjection() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);

        for (String processor : new String[] {"contacts", "timeline", "followups", "analytics", "audit", "mentors"}) {
            assertThat(metrics).containsPattern("rapport_processor_lag(_events)?\\{[^}]*processor=\"" + processor + "\"");
        }
    }
}

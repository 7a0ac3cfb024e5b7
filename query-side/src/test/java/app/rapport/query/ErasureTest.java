package app.rapport.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.Personal;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.testsupport.TestUsers;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A contact forgotten (ContactErased, its key deleted) as every read model and query sees it: its
 * personal data goes from every table, every query on it is 404, the lists and exports leave it
 * out, the audit and the journal export show its events with erased placeholders, and the
 * analytics and the practice and referral figures are the same before and after, now and as of a
 * moment before the erasure. An account erased ends its mentors' access at once.
 */
class ErasureTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant ERASED_AT = T0.plus(Duration.ofDays(40));
    static final Instant BEFORE_ERASURE = T0.plus(Duration.ofDays(35));
    /** In every personal field of the erased contact; nowhere in the read models once it is erased. */
    static final String MARKER = "zq-maya-marker";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Read models whose rows an event applied twice must leave as they are. */
    static final String[] PROJECTIONS = {"contactsProjection", "timelineProjection", "followUpsProjection",
            "analyticsProjection", "reportsProjection", "commitmentsProjection", "auditProjection"};
    static final String[] TABLES = {"contact", "contact_interview", "contact_follow_up", "contact_commitment",
            "erased_contact", "timeline_entry", "timeline_state", "due_item", "due_contact", "outreach_contact",
            "outreach_request", "outreach_job_inquiry", "audit_entry", "commitment", "commitment_contact",
            "report_contact", "report_interview", "report_commitment", "report_job_inquiry", "report_referral"};

    @Autowired
    ApplicationContext context;

    /** Maya, referred by Omar, with every kind of step and the marker in every personal field. */
    record Story(Journal journal, Journal.ContactStream maya, Journal.ContactStream omar, UUID interview) {

        String owner() {
            return journal.owner();
        }
    }

    static String marked(String field) {
        return MARKER + " " + field;
    }

    Story story() {
        Journal journal = journal();
        journal.grant(TestUsers.DEMO, T0);
        Journal.ContactStream omar = journal.contact("Omar Haddad", T0);
        Journal.ContactStream maya = journal.new ContactStream(UUID.randomUUID());
        String owner = journal.owner();
        omar.append(new ReferralReceived(omar.id, owner, maya.id, marked("referred name"), T0), T0);
        maya.append(new ContactAdded(maya.id, owner, new ContactDetails(marked("name"), marked("organization"),
                marked("role"), "archives", Channel.VIDEO, marked("place"), marked("email"), marked("phone"),
                marked("notes"), marked("profile")), ContactSource.REFERRAL, omar.id, 0, T0), T0);
        UUID interview = UUID.randomUUID();
        Instant requested = T0.plus(Duration.ofDays(1));
        maya.append(new InterviewRequested(maya.id, owner, interview, Channel.EMAIL, 30, marked("purpose"),
                marked("message"), requested), requested);
        Instant accepted = T0.plus(Duration.ofDays(2));
        maya.append(new InterviewAccepted(maya.id, owner, interview, marked("answer"), accepted), accepted);
        // the place she prefers: a schedule elsewhere would be judged by words an erasure takes away
        maya.append(new InterviewScheduled(maya.id, owner, interview, T0.plus(Duration.ofDays(10)), Channel.IN_PERSON,
                marked("place"), accepted), accepted);
        Instant prepared = T0.plus(Duration.ofDays(8));
        maya.append(new InterviewPrepared(maya.id, owner, interview, List.of(marked("question")), marked("research"),
                true, prepared), prepared);
        Instant held = T0.plus(Duration.ofDays(10));
        maya.append(new InterviewHeld(maya.id, owner, interview, 30, 45, marked("held notes"), Journal.FULL_CHECKLIST,
                held), held);
        String hold = maya.lastEventId();
        Instant thanked = held.plus(Duration.ofHours(30));
        maya.append(new ThankYouSent(maya.id, owner, interview, Channel.EMAIL, marked("thanks"), thanked), thanked);
        UUID promise = UUID.randomUUID();
        maya.append(new CommitmentMade(maya.id, owner, promise, interview, marked("promise"),
                T0.plus(Duration.ofDays(20)), held), held);
        Instant followedUp = T0.plus(Duration.ofDays(15));
        UUID followUp = UUID.randomUUID();
        maya.append(new FollowUpLogged(maya.id, owner, followUp, FollowUpKind.CONGRATULATIONS, Channel.EMAIL,
                marked("follow-up"), followedUp), followedUp);
        maya.append(new CommitmentKept(maya.id, owner, promise, null, marked("kept"), followedUp), followedUp);
        Instant corrected = T0.plus(Duration.ofDays(16));
        maya.append(new EntryCorrected(maya.id, owner, hold, InterviewHeld.class.getSimpleName(), interview, null,
                new EntryChanges(null, null, null, null, marked("corrected notes"), null), marked("correction"),
                corrected), corrected);
        Instant asked = T0.plus(Duration.ofDays(30));
        maya.append(new JobInquiryMade(maya.id, owner, null, marked("inquiry"), false, asked), asked);
        awaitProjections();
        return new Story(journal, maya, omar, interview);
    }

    String text(String uri) {
        ResponseEntity<String> response = http.getForEntity(uri, String.class);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    HttpStatus status(String uri) {
        return HttpStatus.valueOf(http.getForEntity(uri, String.class).getStatusCode().value());
    }

    /** The figures that must not change: outreach by two groupings, the practice report, the referral report. */
    Map<String, JsonNode> figures(String owner, String asOf) {
        String when = asOf == null ? "" : "&asOf=" + asOf;
        ObjectNode practice = (ObjectNode) ok("/api/reports/practice?owner=" + owner + "&from=2026-01-01T00:00:00Z"
                + "&to=2026-03-01T00:00:00Z" + when).deepCopy();
        practice.findParents("contactName").forEach(slip -> ((ObjectNode) slip).remove("contactName"));
        return Map.of(
                "channel", ok("/api/analytics/outreach?owner=" + owner + "&groupBy=channel" + when),
                "month", ok("/api/analytics/outreach?owner=" + owner + "&groupBy=month" + when),
                "practice", practice,
                "referrals", ok("/api/reports/referrals?owner=" + owner + when));
    }

    /**
     * Every column of every read-model table (Axon's and the key store's own tables aside) with a
     * text of the owner's holding the text; tables without an owner column are searched whole.
     */
    List<String> readModelCellsHolding(String owner, String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT c.table_name, c.column_name,
                       (SELECT min(o.column_name) FROM information_schema.columns o
                        WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name
                          AND o.column_name IN ('owner_id', 'networker_id')) AS owner_column
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
                  AND c.table_name NOT IN ('domain_event_entry', 'snapshot_event_entry', 'dead_letter_entry',
                                           'token_entry', 'saga_entry', 'association_value_entry',
                                           'subject_key', 'erased_subject')
                  AND c.table_name NOT LIKE 'flyway%'""");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String ownerColumn = (String) column.get("owner_column");
            String sql = "SELECT count(*) FROM " + table + " WHERE strpos(" + name + "::text, ?) > 0";
            Long hits = ownerColumn == null ? jdbc.queryForObject(sql, Long.class, text)
                    : jdbc.queryForObject(sql + " AND " + ownerColumn + " = ?", Long.class, text, owner);
            if (hits != null && hits > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    @Test
    void erasedContact_leavesNoPersonalDatumInAnyReadModel() {
        Story story = story();
        assertThat(readModelCellsHolding(story.owner(), MARKER)).as("the marker in the read models before the erasure")
                .contains("contact.name", "timeline_entry.summary", "audit_entry.payload");

        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();

        assertThat(readModelCellsHolding(story.owner(), MARKER)).isEmpty();
    }

    @Test
    void erasure_keepsTheFacts_andDropsTheRowsOfTheContact() {
        Story story = story();
        UUID maya = story.maya().id;
        long requests = count("outreach_request", maya);

        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();

        assertThat(count("contact", maya) + count("contact_interview", maya) + count("contact_follow_up", maya)
                + count("contact_commitment", maya) + count("timeline_entry", maya) + count("timeline_state", maya)
                + count("due_item", maya) + count("due_contact", maya) + count("commitment", maya)
                + count("commitment_contact", maya)).as("rows of the views that only serve the contact").isZero();
        assertThat(jdbc.queryForMap("SELECT owner_id, erased_at FROM erased_contact WHERE contact_id = ?", maya))
                .containsEntry("owner_id", story.owner());
        assertThat(count("outreach_request", maya)).isEqualTo(requests).isPositive();
        assertThat(jdbc.queryForMap("SELECT specialization, preferred_channel, preferred_location FROM outreach_contact"
                + " WHERE contact_id = ?", maya)).containsEntry("specialization", "archives")
                .containsEntry("preferred_channel", "VIDEO").containsEntry("preferred_location", null);
        assertThat(jdbc.queryForObject("SELECT name FROM report_contact WHERE contact_id = ?", String.class, maya))
                .isEqualTo(Personal.ERASED);
        assertThat(count("report_interview", maya) + count("report_commitment", maya)
                + count("report_job_inquiry", maya)).isEqualTo(3);
        assertThat(count("audit_entry", maya)).as("the audit keeps every entry, the erasure's too").isEqualTo(13);
    }

    @Test
    void everyQueryOnTheErasedContact_isNotFound_andTheListsLeaveItOut() {
        Story story = story();
        String owner = "?owner=" + story.owner();
        String maya = "/api/contacts/" + story.maya().id;
        assertThat(status(maya + owner)).isEqualTo(HttpStatus.OK);

        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();

        for (String uri : List.of(maya + owner, maya + owner + "&asOf=" + BEFORE_ERASURE,
                maya + "/timeline" + owner, maya + "/timeline" + owner + "&asOf=" + BEFORE_ERASURE,
                maya + "/commitments" + owner, maya + "/drafts/thank-you" + owner + "&interviewId=" + story.interview(),
                maya + "/drafts/follow-up" + owner + "&interviewId=" + story.interview())) {
            assertThat(status(uri)).as(uri).isEqualTo(HttpStatus.NOT_FOUND);
        }
        String id = story.maya().id.toString();
        assertThat(ok("/api/contacts" + owner).get("items").findValuesAsText("contactId"))
                .containsExactly(story.omar().id.toString());
        assertThat(ok("/api/contacts" + owner + "&asOf=" + BEFORE_ERASURE).get("items").findValuesAsText("contactId"))
                .containsExactly(story.omar().id.toString());
        assertThat(ok("/api/follow-ups/overdue" + owner + "&lookahead=P365D").findValuesAsText("contactId"))
                .doesNotContain(id);
        assertThat(ok("/api/follow-ups/overdue" + owner + "&asOf=" + BEFORE_ERASURE + "&lookahead=P365D")
                .findValuesAsText("contactId")).doesNotContain(id);
        assertThat(text("/api/exports/contacts.csv" + owner)).contains("Omar Haddad").doesNotContain(id, MARKER);
        assertThat(text("/api/exports/contacts.vcf" + owner)).contains("Omar Haddad").doesNotContain(id, MARKER);
    }

    @Test
    void theAuditAndTheJournalExport_showTheErasedContactsEventsWithPlaceholders() throws Exception {
        Story story = story();
        String owner = "?owner=" + story.owner();

        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();

        JsonNode audit = ok("/api/audit" + owner + "&contactId=" + story.maya().id + "&size=100").get("items");
        assertThat(audit).hasSize(13);
        assertThat(audit.toString()).doesNotContain(MARKER);
        JsonNode added = audit.get(0).get("payload");
        assertThat(added.get("details").get("name").asText()).isEqualTo(Personal.ERASED);
        assertThat(added.get("details").get("specialization").asText()).as("not personal").isEqualTo("archives");
        JsonNode prepared = audit.findParents("researchNotes").get(0);
        assertThat(prepared.get("researchNotes").asText()).isEqualTo(Personal.ERASED);
        assertThat(prepared.get("questions")).isEmpty();
        assertThat(audit.get(12).get("payload").get("reason").asText())
                .as("the networker's own words, erased only with the account").isEqualTo("asked to be forgotten");
        JsonNode referral = ok("/api/audit" + owner + "&contactId=" + story.omar().id).get("items").findParents(
                "referredName").get(0);
        assertThat(referral.get("referredName").asText()).as("Maya's name in Omar's stream").isEqualTo(Personal.ERASED);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : text("/api/exports/events.jsonl" + owner).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> mayas = lines.stream()
                .filter(line -> line.get("aggregateId").asText().equals(story.maya().id.toString())).toList();
        assertThat(mayas).hasSize(13);
        assertThat(mayas.get(0).get("payload").get("details").get("email").asText()).isEqualTo(Personal.ERASED);
        assertThat(lines.toString()).doesNotContain(MARKER);
    }

    @Test
    void theReferrersTimeline_namesTheErasedContactAsErased() {
        Story story = story();

        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();

        JsonNode entries = ok("/api/contacts/" + story.omar().id + "/timeline?owner=" + story.owner()).get("items");
        JsonNode referral = entries.get(1);
        assertThat(referral.get("type").asText()).isEqualTo("ReferralReceived");
        assertThat(referral.get("summary").asText()).isEqualTo("Was referred to " + Personal.ERASED);
        assertThat(referral.get("details").get("referredName").asText()).isEqualTo(Personal.ERASED);
    }

    @Test
    void theFigures_areTheSameBeforeAndAfter_nowAndAsOfBeforeTheErasure() {
        Story story = story();
        Map<String, JsonNode> now = figures(story.owner(), null);
        Map<String, JsonNode> then = figures(story.owner(), BEFORE_ERASURE.toString());
        assertThat(now.get("practice").get("held").asInt()).as("the story counts").isEqualTo(1);

        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();

        assertThat(figures(story.owner(), null)).isEqualTo(now);
        assertThat(figures(story.owner(), BEFORE_ERASURE.toString())).isEqualTo(then);
    }

    @Test
    void erasureAppliedTwice_changesNothing() {
        Story story = story();
        story.maya().erase("asked to be forgotten", ERASED_AT);
        awaitProjections();
        var erased = dump(TABLES);

        for (String projection : PROJECTIONS) {
            redeliver(context.getBean(projection), story.maya().id.toString());
            redeliver(context.getBean(projection), story.omar().id.toString());
        }

        assertThat(dump(TABLES)).isEqualTo(erased);
    }

    @Test
    void accountErasure_dropsItsGrants_andItsMentorsLoseAccessAtOnce() {
        Journal journal = journal();
        journal.grant(TestUsers.MENTOR, T0);
        journal.profile(marked("display name"), marked("school"), marked("program"), List.of(marked("interest")), T0);
        var contact = journal.contact("Lin Chen", T0);
        awaitProjections();
        var mentor = http.withBasicAuth(TestUsers.MENTOR, TestUsers.passwordOf(TestUsers.MENTOR));
        String contacts = "/api/contacts?owner=" + journal.owner();
        assertThat(mentor.getForEntity(contacts, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        contact.erase("leaving the centre", T0.plus(Duration.ofDays(1)));
        journal.eraseAccount(T0.plus(Duration.ofDays(1)));

        assertThat(mentor.getForEntity(contacts, String.class).getStatusCode()).as("before any projection ran")
                .isEqualTo(HttpStatus.NOT_FOUND);
        awaitProjections();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_grant WHERE networker_id = ?", Long.class,
                journal.owner())).isZero();
        assertThat(mentor.getForEntity("/api/mentees", JsonNode.class).getBody().toString())
                .doesNotContain(journal.owner());
        assertThat(readModelCellsHolding(journal.owner(), MARKER)).isEmpty();
        assertThat(jdbc.queryForList("""
                        SELECT coalesce(payload ->> 'mentor', payload ->> 'reason') FROM audit_entry
                        WHERE owner_id = ? AND type IN ('MentorAccessGranted', 'ContactErased')""", String.class,
                journal.owner())).as("the mentor's name, the networker's reason").hasSize(2)
                .containsOnly(Personal.ERASED);
    }

    @Test
    void accountErasureAppliedTwice_changesNothing() {
        Journal journal = journal();
        journal.grant(TestUsers.MENTOR, T0);
        journal.revoke(TestUsers.MENTOR, T0.plusSeconds(10));
        journal.grant(TestUsers.ALICE, T0.plusSeconds(20));
        journal.eraseAccount(T0.plus(Duration.ofDays(1)));
        awaitProjections();
        var erased = dump("mentor_grant", "calendar_feed", "audit_entry");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_grant WHERE networker_id = ?", Long.class,
                journal.owner())).isZero();

        for (String projection : new String[] {"mentorsProjection", "calendarFeedProjection", "auditProjection"}) {
            redeliver(context.getBean(projection), journal.owner());
        }

        assertThat(dump("mentor_grant", "calendar_feed", "audit_entry")).isEqualTo(erased);
    }

    @Test
    void mentorAccess_endsWithTheAccountsKey_evenBeforeItsErasureIsRecorded() {
        Journal journal = journal();
        journal.grant(TestUsers.MENTOR, T0);
        var mentor = http.withBasicAuth(TestUsers.MENTOR, TestUsers.passwordOf(TestUsers.MENTOR));
        String contacts = "/api/contacts?owner=" + journal.owner();
        assertThat(mentor.getForEntity(contacts, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        transaction.executeWithoutResult(status -> erasures.eraseNetworker(journal.owner(), T0.plusSeconds(60)));

        assertThat(mentor.getForEntity(contacts, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theErasureList_isForAdminsOnly_andNamesEveryErasedContact() {
        Story story = story();
        story.maya().erase("asked to be forgotten", ERASED_AT);

        JsonNode items = ok("/api/admin/erasures").get("items");

        assertThat(items.findParents("contactId")).anySatisfy(item -> {
            assertThat(item.get("contactId").asText()).isEqualTo(story.maya().id.toString());
            assertThat(item.get("ownerId").asText()).isEqualTo(story.owner());
            assertThat(Instant.parse(item.get("erasedAt").asText())).isEqualTo(ERASED_AT);
        });
        assertThat(http.withBasicAuth(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE))
                .getForEntity("/api/admin/erasures", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    long count(String table, UUID contactId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE contact_id = ?", Long.class, contactId);
    }
}

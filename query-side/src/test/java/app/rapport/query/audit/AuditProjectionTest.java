package app.rapport.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.NudgeSent;

import app.rapport.platform.axon.EventStoreTables;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import app.rapport.values.Provenance;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class AuditProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    AuditProjection projection;
    @Autowired
    AuditTrail entries;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventStoreTables storeTables;

    List<AuditEntry> auditOf(Journal journal) {
        awaitProjections();
        return entries.findRecorded(journal.owner(), EARLIEST, LATEST, null, 0, 200).items();
    }

    @Test
    void everyEvent_isRecordedWithActorTimesAndJsonPayload_inTheOrderRecorded() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        journal.grant("prof-lee", T0.plusSeconds(120));

        List<AuditEntry> audit = auditOf(journal);

        assertThat(audit).extracting(AuditEntry::type)
                .containsExactly("ContactAdded", "InterviewRequested", "MentorAccessGranted");
        AuditEntry request = audit.get(1);
        assertThat(request.contactId()).isEqualTo(maya.id);
        assertThat(request.actor()).isEqualTo(journal.owner());
        assertThat(request.correlationId()).isNotBlank();
        assertThat(request.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(request.recordedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(request.payload()).containsEntry("purpose", "archives work").containsEntry("durationMinutes", 30);
        assertThat(audit.get(2).contactId()).as("a networker event is about no contact").isNull();
    }

    @Test
    void theInsert_isPlannedForEachBatch_neverFromAPlanTheServerKeeps() throws Exception {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        for (int i = 1; i <= 11; i++) {
            maya.followUp(T0.plusSeconds(i));
        }
        awaitProjections();

        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate oneConnection = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            AuditProjection filing = new AuditProjection(oneConnection, storeTables, erasures);
            // one batch per event, each filed again: more than the driver's five before it prepares on the server
            eventStore.readEvents(maya.id.toString()).asStream().forEach(event ->
                    DefaultUnitOfWork.startAndGet(event).execute(() -> filing.on(event.getPayload(), event)));

            assertThat(oneConnection.queryForObject(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO audit_entry%'",
                    Long.class)).isZero();
        }
        assertThat(auditOf(journal)).hasSize(12);
    }

    @Test
    void aWebhooksSigningSecret_isNeverFiled_onlyThatTheWebhookWasRegistered() {
        Journal journal = journal();
        journal.webhook("crm", "https://93.184.216.34/hook", "whsec_c2VjcmV0LWtleS1ieXRlcw==", T0);

        List<AuditEntry> audit = auditOf(journal);

        assertThat(audit).extracting(AuditEntry::type).containsExactly("WebhookRegistered");
        assertThat(audit.get(0).payload()).containsEntry("name", "crm").containsEntry("secret", null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE payload::text LIKE '%whsec_%'",
                Long.class)).isZero();
    }

    @Test
    void filter_byContactAndRecordingTime() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        var omar = journal.contact("Omar Haddad", T0.plusSeconds(10));
        maya.followUp(T0.plusSeconds(20));
        awaitProjections();

        assertThat(entries.findRecorded(journal.owner(), EARLIEST, LATEST, maya.id, 0, 50).items())
                .extracting(AuditEntry::type).containsExactly("ContactAdded", "FollowUpLogged");
        assertThat(entries.findRecorded(journal.owner(), T0.plusSeconds(10), T0.plusSeconds(20), null, 0, 50).items())
                .extracting(AuditEntry::contactId).containsExactly(omar.id);
    }

    @Test
    void filter_byImport_givesEveryEventOfTheContactsThatImportBroughtIn() {
        Journal journal = journal();
        UUID importId = UUID.randomUUID();
        var lin = journal.importedContact("Lin Chen", new Provenance(importId, "linkedin", 1), T0);
        journal.importedContact("Sam Okafor", new Provenance(UUID.randomUUID(), "csv", 1), T0.plusSeconds(5));
        journal.contact("Maya Chen", T0.plusSeconds(10));
        lin.followUp(T0.plusSeconds(20));
        awaitProjections();

        List<AuditEntry> imported = entries.findRecorded(journal.owner(), EARLIEST, LATEST, null, importId, 0, 50)
                .items();

        assertThat(imported).extracting(AuditEntry::contactId).containsOnly(lin.id);
        assertThat(imported).extracting(AuditEntry::type).containsExactly("ContactAdded", "FollowUpLogged");
        assertThat(entries.findRecorded(journal.owner(), EARLIEST, LATEST, null, UUID.randomUUID(), 0, 50).items())
                .isEmpty();
    }

    @Test
    void aCorrection_isRecordedBesideTheEntryItNames_whichStaysAsRecorded() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        String request = maya.lastEventId();
        maya.correct(request, InterviewRequested.class, interview, null,
                new EntryChanges(null, null, null, null, null, Channel.PHONE), "called instead", T0.plusSeconds(120));
        maya.nudge(interview, T0.plusSeconds(180));
        maya.retract(maya.lastEventId(), NudgeSent.class, interview, null, "never sent", T0.plusSeconds(240));

        List<AuditEntry> audit = auditOf(journal);

        assertThat(audit).extracting(AuditEntry::type).containsExactly("ContactAdded", "InterviewRequested",
                "EntryCorrected", "NudgeSent", "EntryRetracted");
        assertThat(audit.get(1).eventId()).isEqualTo(request);
        assertThat(audit.get(1).payload()).as("as recorded").containsEntry("channel", "EMAIL");
        assertThat(audit.get(2).payload()).containsEntry("entryId", request)
                .containsEntry("entryType", "InterviewRequested").containsEntry("reason", "called instead");
        assertThat(audit.get(4).payload()).containsEntry("entryId", audit.get(3).eventId());
    }

    @Test
    void appliedTwice_changesNothing() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        awaitProjections();
        var before = dump("audit_entry");

        redeliver(projection, maya.id.toString());

        assertThat(dump("audit_entry")).isEqualTo(before);
    }
}

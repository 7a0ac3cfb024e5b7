package app.rapport.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import app.rapport.query.Journal;
import app.rapport.query.TableMappingTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;

/** Audit rows are copied from the stored events, so the row read back is one the projection wrote. */
class AuditTablesTest extends TableMappingTest {

    @Test
    void auditEntry_hasOneMappingToTheSchema() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", Instant.parse("2026-01-05T09:00:00Z"));
        maya.request(Channel.EMAIL, 30, "archives work", Instant.parse("2026-01-05T09:01:00Z"));
        awaitProjections();
        Set<String> columns = schemaColumns("audit_entry");
        assertThat(insertedColumns("audit_entry", AuditBatch.INSERT)).containsExactlyInAnyOrderElementsOf(columns);

        String eventId = jdbc.queryForObject("SELECT event_id FROM audit_entry WHERE owner_id = ? AND type = ?",
                String.class, journal.owner(), "InterviewRequested");
        Set<String> read = new LinkedHashSet<>();
        AuditEntry entry = readOne("audit_entry", AuditEntry.MAPPER, "event_id", eventId, read);

        assertThat(read).containsExactlyInAnyOrderElementsOf(columns);
        assertThat(entry).hasNoNullFieldsOrProperties();
    }
}

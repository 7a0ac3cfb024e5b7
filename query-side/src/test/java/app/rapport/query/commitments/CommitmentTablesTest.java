package app.rapport.query.commitments;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import org.junit.jupiter.api.Test;

class CommitmentTablesTest extends TableMappingTest {

    static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456Z");

    @Test
    void commitment_hasOneMappingToTheSchema() {
        UUID commitment = UUID.randomUUID();
        assertOneMapping("commitment", new CommitmentRow(UUID.randomUUID(), commitment, "owner-a", UUID.randomUUID(),
                        "send the article", AT, AT.plusSeconds(3600), CommitmentStatus.KEPT, AT.plusSeconds(60),
                        UUID.randomUUID(), AT.plusSeconds(120), "sent", "moot"),
                CommitmentRow.UPSERT, CommitmentRow.MAPPER, "commitment_id", commitment);
    }

    @Test
    void commitmentContact_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        assertOneMapping("commitment_contact", new CommitmentContact(contact, "owner-a", 7),
                CommitmentContact.UPSERT, CommitmentContact.MAPPER, "contact_id", contact);
    }
}

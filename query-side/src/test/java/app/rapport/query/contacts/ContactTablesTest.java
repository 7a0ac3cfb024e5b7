package app.rapport.query.contacts;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import app.rapport.values.FollowUpKind;
import org.junit.jupiter.api.Test;

class ContactTablesTest extends TableMappingTest {

    static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456Z");

    @Test
    void contact_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        assertOneMapping("contact", new Contact(contact, "owner-a", "Maya Chen", "City Archives", "Archivist",
                        "archives", ContactSource.EVENT, Channel.EMAIL, "the reading room", "maya@example.org",
                        "+1 555 0100", "met at the fair", UUID.randomUUID(), 45, Stage.ESTABLISHED, true, AT,
                        AT.plusSeconds(1), AT.plusSeconds(2), AT.plusSeconds(3), 12),
                Contact.UPSERT, Contact.MAPPER, "contact_id", contact);
    }

    @Test
    void contactInterview_hasOneMappingToTheSchema() {
        UUID interview = UUID.randomUUID();
        assertOneMapping("contact_interview", new ContactInterview(interview, UUID.randomUUID(), "owner-a",
                        InterviewStatus.THANKED, Channel.EMAIL, 30, "archives work", "Dear Maya", AT,
                        AT.plusSeconds(1), "gladly", AT.plusSeconds(2), Channel.VIDEO, "online", AT.plusSeconds(3),
                        AT.plusSeconds(4), 40, AT.plusSeconds(5), AT.plusSeconds(6), AT.plusSeconds(7)),
                ContactInterview.UPSERT, ContactInterview.MAPPER, "interview_id", interview);
    }

    @Test
    void contactCommitment_hasOneMappingToTheSchema() {
        UUID commitment = UUID.randomUUID();
        assertOneMapping("contact_commitment", new ContactCommitment(UUID.randomUUID(), commitment, "owner-a",
                        AT.plusSeconds(86_400), ContactCommitment.Status.KEPT, AT.plusSeconds(3_600)),
                ContactCommitment.UPSERT, ContactCommitment.MAPPER, "commitment_id", commitment);
    }

    @Test
    void contactFollowUp_hasOneMappingToTheSchema() {
        UUID followUp = UUID.randomUUID();
        assertOneMapping("contact_follow_up", new ContactFollowUp(followUp, UUID.randomUUID(), "owner-a",
                        FollowUpKind.ADVICE_TAKEN, Channel.SOCIAL_MESSAGE, "took the advice", AT),
                ContactFollowUp.UPSERT, ContactFollowUp.MAPPER, "follow_up_id", followUp);
    }

    @Test
    void erasedContact_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        assertOneMapping("erased_contact", new ErasedContact(contact, "owner-a", AT, 14),
                ErasedContact.UPSERT, ErasedContact.MAPPER, "contact_id", contact);
    }
}

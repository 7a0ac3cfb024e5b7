package app.rapport.query.analytics;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import app.rapport.values.ResponseOutcome;
import org.junit.jupiter.api.Test;

class AnalyticsTablesTest extends TableMappingTest {

    static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456Z");

    @Test
    void outreachContact_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        assertOneMapping("outreach_contact", new OutreachContact(contact, "owner-a", ContactSource.REFERRAL, "archives",
                        AT.minusSeconds(60), Channel.PHONE, "the reading room", 3),
                OutreachContact.UPSERT, OutreachContact.MAPPER, "contact_id", contact);
    }

    @Test
    void outreachRequest_hasOneMappingToTheSchema() {
        UUID interview = UUID.randomUUID();
        assertOneMapping("outreach_request", new OutreachRequest(interview, "owner-a", UUID.randomUUID(),
                        Channel.VIDEO, AT, ResponseOutcome.ACCEPTED, AT.plusSeconds(5400), 1.5, true,
                        AT.plusSeconds(86_400), true, true, AT.plusSeconds(7_200), true, true, true, true),
                OutreachRequest.UPSERT, OutreachRequest.MAPPER, "interview_id", interview);
    }

    @Test
    void outreachJobInquiry_hasOneMappingToTheSchema() {
        String entry = UUID.randomUUID().toString();
        assertOneMapping("outreach_job_inquiry", new OutreachInquiry(entry, "owner-a", UUID.randomUUID(), AT, true),
                OutreachInquiry.UPSERT, OutreachInquiry.MAPPER, "entry_id", entry);
    }
}

package app.rapport.query.reports;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;

class ReportsTablesTest extends TableMappingTest {

    static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456Z");

    @Test
    void reportContact_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        assertOneMapping("report_contact", new ReportContact(contact, "owner-a", "Maya Chen", Channel.PHONE, 4),
                ReportContact.UPSERT, ReportContact.MAPPER, "contact_id", contact);
    }

    @Test
    void reportInterview_hasOneMappingToTheSchema() {
        UUID interview = UUID.randomUUID();
        assertOneMapping("report_interview", new ReportInterview(interview, "owner-a", UUID.randomUUID(), AT, true,
                        true, AT.plusSeconds(60), AT.plusSeconds(120), AT.plusSeconds(180), AT.plusSeconds(86_400),
                        true, true, AT.plusSeconds(240), AT.plusSeconds(86_400), 30, 45, true, false, true, false,
                        AT.plusSeconds(90_000)),
                ReportInterview.UPSERT, ReportInterview.MAPPER, "interview_id", interview);
    }

    @Test
    void reportInterview_keepsWhatIsNotKnownYetAsNull() {
        UUID interview = UUID.randomUUID();
        assertOneMapping("report_interview", ReportInterview.requested(interview, "owner-a", UUID.randomUUID(), AT,
                        false, false),
                ReportInterview.UPSERT, ReportInterview.MAPPER, "interview_id", interview);
    }

    @Test
    void reportCommitment_hasOneMappingToTheSchema() {
        UUID commitment = UUID.randomUUID();
        assertOneMapping("report_commitment", new ReportCommitment(commitment, "owner-a", UUID.randomUUID(),
                        UUID.randomUUID(), AT, AT.plusSeconds(86_400), AT.plusSeconds(3_600), AT.plusSeconds(7_200)),
                ReportCommitment.UPSERT, ReportCommitment.MAPPER, "commitment_id", commitment);
    }

    @Test
    void reportCommitment_keepsWhatIsNotKnownAsNull() {
        UUID commitment = UUID.randomUUID();
        assertOneMapping("report_commitment", ReportCommitment.made(commitment, "owner-a", UUID.randomUUID(), null,
                        AT, null),
                ReportCommitment.UPSERT, ReportCommitment.MAPPER, "commitment_id", commitment);
    }

    @Test
    void reportJobInquiry_hasOneMappingToTheSchema() {
        String entry = UUID.randomUUID().toString();
        assertOneMapping("report_job_inquiry", new ReportInquiry(entry, "owner-a", UUID.randomUUID(), AT, true),
                ReportInquiry.UPSERT, ReportInquiry.MAPPER, "entry_id", entry);
    }

    @Test
    void reportReferral_hasOneMappingToTheSchema() {
        UUID referrer = UUID.randomUUID();
        assertOneMapping("report_referral", new ReportReferral(referrer, UUID.randomUUID(), "owner-a", AT, true),
                ReportReferral.UPSERT, ReportReferral.MAPPER, "contact_id", referrer);
    }
}

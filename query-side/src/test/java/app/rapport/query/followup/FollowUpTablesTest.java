package app.rapport.query.followup;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.TableMappingTest;
import org.junit.jupiter.api.Test;

class FollowUpTablesTest extends TableMappingTest {

    static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456Z");

    @Test
    void dueContact_hasOneMappingToTheSchema() {
        UUID contact = UUID.randomUUID();
        assertOneMapping("due_contact", new DueContact(contact, "owner-a", "Maya Chen", 30, AT, true, true, 5),
                DueContact.UPSERT, DueContact.MAPPER, "contact_id", contact);
    }

    @Test
    void dueItem_hasOneMappingToTheSchema() {
        UUID interview = UUID.randomUUID();
        DueItem item = new DueItem(DueItem.idOf(DueKind.THANK_YOU, interview), "owner-a", UUID.randomUUID(),
                interview, DueKind.THANK_YOU, AT, true);
        assertOneMapping("due_item", item, DueItem.UPSERT, DueItem.MAPPER, "item_id", item.itemId());
    }
}

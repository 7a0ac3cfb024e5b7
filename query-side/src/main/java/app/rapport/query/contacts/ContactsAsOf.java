package app.rapport.query.contacts;

import java.util.List;
import java.util.UUID;

import app.rapport.query.support.AsOfReadModel;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.OwnerContacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact list and detail as {@link JournalAsOf} folds them, and the owner's contacts it reads
 * an owner's journal by: every contact ever added has a row in {@code contact}, archived ones too,
 * or in {@code erased_contact} once it was forgotten.
 */
@Component
public class ContactsAsOf implements OwnerContacts {

    /** Every table {@link ContactsProjection} writes. */
    public static final AsOfReadModel<Contacts> READ_MODEL = new AsOfReadModel<>(ContactsProjection.GROUP,
            List.of("contact", "contact_interview", "contact_follow_up", "contact_commitment", "erased_contact"),
            parts -> new ContactsProjection(parts.jdbc(), parts.practice(), parts.rederivation()),
            parts -> new Contacts(parts.client(), parts.practice()));

    private final JdbcClient jdbc;

    ContactsAsOf(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> contactsOf(String ownerId) {
        return jdbc.sql("""
                        SELECT contact_id FROM contact WHERE owner_id = :ownerId
                        UNION ALL SELECT contact_id FROM erased_contact WHERE owner_id = :ownerId""")
                .param("ownerId", ownerId).query(UUID.class).list();
    }

    @Override
    public String processingGroup() {
        return ContactsProjection.GROUP;
    }
}

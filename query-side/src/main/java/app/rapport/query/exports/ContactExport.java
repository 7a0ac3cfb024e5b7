package app.rapport.query.exports;

import java.io.IOException;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Hands an owner's contacts to a writer one at a time, in the contact list's order: a page of the
 * read model's rows, then each contact's stream, so that neither the list nor the histories are
 * ever held whole and no connection stays open while the answer is written.
 */
@Component
class ContactExport {

    static final int PAGE = 200;

    /** Writes one contact of the export. */
    @FunctionalInterface
    interface ContactWriter {
        void write(ExportedContact contact) throws IOException;
    }

    private final ExportedContacts contacts;
    private final ContactHistories histories;

    ContactExport(ExportedContacts contacts, ContactHistories histories) {
        this.contacts = contacts;
        this.histories = histories;
    }

    void forEach(String ownerId, ContactWriter writer) throws IOException {
        ContactRow after = null;
        List<ContactRow> page;
        do {
            page = contacts.findPage(ownerId, after, PAGE);
            for (ContactRow row : page) {
                var contact = histories.read(ownerId, row);
                if (contact.isPresent()) {
                    writer.write(contact.get());
                }
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == PAGE);
    }
}

package app.rapport.query.exports;

import java.io.IOException;
import java.io.OutputStream;

import app.rapport.values.ContactDetails;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Kind;
import ezvcard.property.Uid;

/**
 * Contacts as an address book reads them: one vCard 4.0 (RFC 6350) per contact, written by
 * ez-vcard. The standard properties carry what every address book shows (FN, ORG, TITLE, EMAIL,
 * TEL, NOTE, URL for the profile, UID from the contact id); what only Rapport keeps goes into
 * {@code X-RAPPORT-…} properties, which other address books keep or ignore and an import reads back.
 */
final class ContactsVcard implements AutoCloseable {

    static final String SPECIALIZATION = "X-RAPPORT-SPECIALIZATION";
    static final String SOURCE = "X-RAPPORT-SOURCE";
    static final String PREFERRED_CHANNEL = "X-RAPPORT-PREFERRED-CHANNEL";
    static final String PREFERRED_LOCATION = "X-RAPPORT-PREFERRED-LOCATION";
    static final String AT = "X-RAPPORT-AT";
    static final String STAGE = "X-RAPPORT-STAGE";
    static final String LAST_TOUCH_AT = "X-RAPPORT-LAST-TOUCH-AT";

    private final VCardWriter writer;

    ContactsVcard(OutputStream out) {
        this.writer = new VCardWriter(out, VCardVersion.V4_0);
        writer.setAddProdId(false);
    }

    void write(ExportedContact contact) throws IOException {
        ContactDetails details = contact.details();
        VCard card = new VCard(VCardVersion.V4_0);
        card.setProductId("-//Rapport//Contacts export//EN");
        card.setKind(Kind.individual());
        card.setUid(new Uid("urn:uuid:" + contact.contactId()));
        card.setFormattedName(details.name());
        if (present(details.organization())) {
            card.setOrganization(details.organization());
        }
        if (present(details.role())) {
            card.addTitle(details.role());
        }
        if (present(details.email())) {
            card.addEmail(details.email());
        }
        if (present(details.phone())) {
            card.addTelephoneNumber(details.phone());
        }
        if (present(details.notes())) {
            card.addNote(details.notes());
        }
        if (present(details.profileUrl())) {
            card.addUrl(details.profileUrl());
        }
        extended(card, SPECIALIZATION, details.specialization());
        extended(card, SOURCE, contact.source());
        extended(card, PREFERRED_CHANNEL, details.preferredChannel());
        extended(card, PREFERRED_LOCATION, details.preferredLocation());
        extended(card, AT, contact.at());
        extended(card, STAGE, contact.stage());
        extended(card, LAST_TOUCH_AT, contact.lastTouchAt());
        writer.write(card);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static void extended(VCard card, String name, Object value) {
        if (value != null && present(value.toString())) {
            card.addExtendedProperty(name, value.toString());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package app.rapport.command.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.rapport.values.ContactSource;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.io.ParseWarning;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.VCardProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An address book's vCards ({@code format=vcard}), read with ez-vcard: versions 3.0 and 4.0 as
 * phones, Apple Contacts, Google Contacts, Outlook and Thunderbird write them (2.1 too). A card is
 * a row, numbered from 1: FN (or N) is the name, ORG the organization, TITLE (or ROLE) the role,
 * the preferred EMAIL and TEL (else the first), the NOTEs, and the first web URL as the profile
 * URL. A card's UID that is a UUID (as Rapport's own export writes) is honoured as the contact id.
 */
final class AddressBook {

    private static final Logger log = LoggerFactory.getLogger(AddressBook.class);
    // Only to tell a cut-off file from a whole one: ez-vcard quietly keeps a card that never ends
    private static final Pattern BEGIN = Pattern.compile("(?im)^BEGIN:VCARD\\s*$");
    private static final Pattern END = Pattern.compile("(?im)^END:VCARD\\s*$");

    private AddressBook() {
    }

    static People read(String text) {
        int begun = count(BEGIN, text);
        if (begun != count(END, text)) {
            throw ImportRejected.ofFile("file", "has " + begun + " BEGIN:VCARD but " + count(END, text)
                    + " END:VCARD lines; it seems cut off. Export the address book again");
        }
        if (begun > ImportLimits.MAX_ROWS) {
            throw ImportLimits.tooManyRows();
        }
        List<List<ParseWarning>> warnings = new ArrayList<>();
        List<VCard> cards = Ezvcard.parse(text).warnings(warnings).all();
        if (cards.isEmpty()) {
            throw ImportRejected.ofFile("file", "holds no vCard (BEGIN:VCARD … END:VCARD)");
        }
        List<PersonRow> rows = new ArrayList<>();
        for (int index = 0; index < cards.size(); index++) {
            rows.add(person(index + 1, cards.get(index)));
            if (index < warnings.size() && !warnings.get(index).isEmpty()) {
                // a warning's message quotes the card's values (names, emails): only where and which kind
                log.debug("vCard {} of an import read with warnings: {}", index + 1, warnings.get(index).stream()
                        .map(warning -> warning.getPropertyName() + " (code " + warning.getCode() + ")").toList());
            }
        }
        return new People(rows, cards.size(), 0, ContactSource.OTHER, List.of());
    }

    private static PersonRow person(int number, VCard card) {
        PersonRow person = new PersonRow(number);
        person.text("name", "FN", card.getFormattedName() == null ? null : card.getFormattedName().getValue());
        person.text("name", "N", structuredName(card.getStructuredName()));
        if (card.getOrganization() != null) {
            person.text("organization", "ORG", card.getOrganization().getValues().stream()
                    .filter(Objects::nonNull).map(String::strip).filter(value -> !value.isEmpty())
                    .collect(Collectors.joining(", ")));
        }
        card.getTitles().forEach(title -> person.text("role", "TITLE", title.getValue()));
        card.getRoles().forEach(role -> person.text("role", "ROLE", role.getValue()));
        preferredFirst(card.getEmails(), email -> email.getTypes().contains(EmailType.PREF))
                .forEach(email -> person.text("email", "EMAIL", email.getValue()));
        preferredFirst(card.getTelephoneNumbers(), tel -> tel.getTypes().contains(TelephoneType.PREF))
                .forEach(tel -> person.text("phone", "TEL", phoneNumber(tel)));
        String notes = card.getNotes().stream().map(note -> PersonRow.clean(note.getValue()))
                .filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
        person.text("notes", "NOTE", notes);
        card.getUrls().stream().map(url -> PersonRow.clean(url.getValue()))
                .filter(url -> url != null && url.matches("(?i)https?://\\S+"))
                .forEach(url -> person.text("profileUrl", "URL", url));
        if (card.getUid() != null && card.getUid().getValue() != null && isUuid(card.getUid().getValue())) {
            person.contactId("UID", card.getUid().getValue());
        }
        return person;
    }

    /** The preferred values first (TYPE=pref in 3.0, the lowest PREF in 4.0), then the rest in order. */
    private static <P extends VCardProperty> Stream<P> preferredFirst(List<P> properties, Predicate<P> typedPref) {
        return properties.stream().sorted(Comparator.comparingInt(property -> {
            Integer pref = property.getParameters().getPref();
            return pref != null ? pref : typedPref.test(property) ? 0 : Integer.MAX_VALUE;
        }));
    }

    private static String structuredName(StructuredName name) {
        if (name == null) {
            return null;
        }
        return Stream.concat(Stream.concat(name.getPrefixes().stream(), Stream.of(name.getGiven())),
                        Stream.concat(name.getAdditionalNames().stream(),
                                Stream.concat(Stream.of(name.getFamily()), name.getSuffixes().stream())))
                .map(PersonRow::clean).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    private static String phoneNumber(Telephone telephone) {
        if (telephone.getText() != null) {
            return telephone.getText();
        }
        return telephone.getUri() == null ? null : telephone.getUri().getNumber();
    }

    private static boolean isUuid(String uid) {
        return uid.strip().replaceFirst("(?i)^urn:uuid:", "")
                .matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

package app.rapport.query.exports;

import java.time.Instant;
import java.util.UUID;

import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;

/**
 * One contact as the exports write it: who they are as the journal now says it (the template's
 * columns), and where the relationship stands as the contacts read model derives it.
 *
 * @param at when the person was met: the {@code at} of the contact's first event
 * @param stage the contact list's stage ({@code NEW} … {@code ARCHIVED})
 */
record ExportedContact(UUID contactId, ContactDetails details, ContactSource source, Instant at, String stage,
                       Instant lastTouchAt) {
}

package app.rapport.command.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rapport.values.ContactDetails;

/**
 * The people already in one owner's journal, by what a row is matched on: the contact's id, every
 * email and every profile URL its details have held (added or changed since). Rows of the file
 * being imported join it as they are decided, so the same person twice in a file is one contact.
 */
final class KnownContacts {

    private final Map<UUID, Long> positions = new HashMap<>();
    private final Map<String, UUID> byEmail = new HashMap<>();
    private final Map<String, UUID> byProfile = new HashMap<>();

    /** A contact's details as one of its events recorded them, at that event's global index. */
    void recorded(UUID contactId, long position, String email, String profileUrl) {
        positions.merge(contactId, position, Math::max);
        remember(contactId, email, profileUrl);
    }

    /** A contact this import creates. */
    void adding(UUID contactId, ContactDetails details) {
        positions.putIfAbsent(contactId, 0L);
        remember(contactId, details.email(), details.profileUrl());
    }

    boolean has(UUID contactId) {
        return positions.containsKey(contactId);
    }

    /** The contact a person already is: by one of the ids it may have, else by email, else by profile URL. */
    Optional<UUID> match(ContactDetails details, UUID... ids) {
        for (UUID id : ids) {
            if (id != null && has(id)) {
                return Optional.of(id);
            }
        }
        UUID byMail = byEmail.get(PersonKeys.email(details.email()));
        if (byMail != null) {
            return Optional.of(byMail);
        }
        return Optional.ofNullable(byProfile.get(PersonKeys.profile(details.profileUrl())));
    }

    /** The global index of the latest stored details of a contact; 0 for one this import creates. */
    long positionOf(UUID contactId) {
        return positions.getOrDefault(contactId, 0L);
    }

    private void remember(UUID contactId, String email, String profileUrl) {
        String mail = PersonKeys.email(email);
        if (mail != null) {
            byEmail.putIfAbsent(mail, contactId);
        }
        String profile = PersonKeys.profile(profileUrl);
        if (profile != null) {
            byProfile.putIfAbsent(profile, contactId);
        }
    }
}

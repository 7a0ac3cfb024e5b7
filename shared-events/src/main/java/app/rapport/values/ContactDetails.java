package app.rapport.values;

import app.rapport.events.Personal;

/**
 * Who a contact is and how they prefer to be reached; on a change command a null field means
 * "leave as it is".
 *
 * @param profileUrl the contact's public profile (a LinkedIn URL, say); with the email, what tells
 *        an imported row's person apart from the others in the journal.
 */
public record ContactDetails(
        @Personal String name,
        @Personal String organization,
        @Personal String role,
        String specialization,
        Channel preferredChannel,
        @Personal String preferredLocation,
        @Personal String email,
        @Personal String phone,
        @Personal String notes,
        @Personal String profileUrl) {

    /** The details as recorded before a contact had a profile URL. */
    public ContactDetails(String name, String organization, String role, String specialization,
                          Channel preferredChannel, String preferredLocation, String email, String phone,
                          String notes) {
        this(name, organization, role, specialization, preferredChannel, preferredLocation, email, phone, notes,
                null);
    }

    /**
     * Applies a partial change with PATCH semantics: every field that {@code changes} leaves null
     * keeps its current value, so a field cannot be cleared by omission.
     */
    public ContactDetails mergedWith(ContactDetails changes) {
        if (changes == null) {
            return this;
        }
        return new ContactDetails(
                pick(changes.name, name),
                pick(changes.organization, organization),
                pick(changes.role, role),
                pick(changes.specialization, specialization),
                pick(changes.preferredChannel, preferredChannel),
                pick(changes.preferredLocation, preferredLocation),
                pick(changes.email, email),
                pick(changes.phone, phone),
                pick(changes.notes, notes),
                pick(changes.profileUrl, profileUrl));
    }

    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}

package app.rapport.command.contact;

import java.time.Instant;

import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/contacts/{id}}: only the fields to change; absent ones stay as they are. */
record ChangeContactDetailsRequest(
        @Size(max = Limits.NAME) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = Limits.NAME) String organization,
        @Size(max = Limits.NAME) String role,
        @Size(max = Limits.NAME) String specialization,
        Channel preferredChannel,
        @Size(max = Limits.NAME) String preferredLocation,
        @Email @Size(max = Limits.EMAIL) String email,
        @Size(max = Limits.PHONE) String phone,
        @Size(max = Limits.NOTES) String notes,
        @Size(max = Limits.PROFILE_URL) @Pattern(regexp = WebAddress.PATTERN, message = WebAddress.MESSAGE)
        String profileUrl,
        Instant at) {

    ContactDetails changes() {
        return new ContactDetails(name, organization, role, specialization, preferredChannel, preferredLocation,
                email, phone, notes, profileUrl);
    }
}

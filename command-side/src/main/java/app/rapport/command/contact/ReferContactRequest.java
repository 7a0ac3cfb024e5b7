package app.rapport.command.contact;

import java.time.Instant;
import java.util.UUID;

import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/contacts/{id}/referrals}: the new person, as for adding a contact;
 * its source is always {@code REFERRAL}, so {@code source} may be left out.
 */
record ReferContactRequest(
        UUID contactId,
        @NotBlank @Size(max = Limits.NAME) String name,
        @Size(max = Limits.NAME) String organization,
        @Size(max = Limits.NAME) String role,
        @Size(max = Limits.NAME) String specialization,
        ContactSource source,
        Channel preferredChannel,
        @Size(max = Limits.NAME) String preferredLocation,
        @Email @Size(max = Limits.EMAIL) String email,
        @Size(max = Limits.PHONE) String phone,
        @Size(max = Limits.NOTES) String notes,
        @Size(max = Limits.PROFILE_URL) @Pattern(regexp = WebAddress.PATTERN, message = WebAddress.MESSAGE)
        String profileUrl,
        Instant at) {

    @AssertTrue(message = "a referred contact's source is REFERRAL")
    boolean isSourceReferral() {
        return source == null || source == ContactSource.REFERRAL;
    }

    ContactDetails details() {
        return new ContactDetails(name, organization, role, specialization, preferredChannel, preferredLocation,
                email, phone, notes, profileUrl);
    }
}

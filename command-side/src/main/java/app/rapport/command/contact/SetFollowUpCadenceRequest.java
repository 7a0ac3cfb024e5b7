package app.rapport.command.contact;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/contacts/{id}/cadence}. */
record SetFollowUpCadenceRequest(@NotNull @Min(Contact.MIN_CADENCE_DAYS) @Max(Contact.MAX_CADENCE_DAYS) Integer days, Instant at) {
}

package app.rapport.command.contact;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/contacts/{id}/cadence}. */
record SetFollowUpCadenceRequest(@NotNull @Min(7) @Max(365) Integer days, Instant at) {
}

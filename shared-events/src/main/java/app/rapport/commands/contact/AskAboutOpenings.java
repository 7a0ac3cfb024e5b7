package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record asking a contact about job openings.
 *
 * @param inquiryId a client-chosen id: repeating the same inquiry under it is answered as the first.
 * @param acknowledgeEarly ask anyway before the relationship is established; the inquiry is recorded as early.
 */
public record AskAboutOpenings(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID inquiryId,
        String note,
        boolean acknowledgeEarly,
        Instant at) {
}

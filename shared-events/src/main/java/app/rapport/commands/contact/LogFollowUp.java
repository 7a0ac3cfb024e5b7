package app.rapport.commands.contact;

import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Record getting back in touch with a contact, under a client-chosen id.
 *
 * @param keeps the open commitments this follow-up keeps (each is kept at the follow-up's
 *        {@code at}); empty, never null, when it keeps none.
 */
public record LogFollowUp(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID followUpId,
        FollowUpKind kind,
        Channel channel,
        String note,
        Instant at,
        List<UUID> keeps) {

    public LogFollowUp {
        keeps = keeps == null ? List.of() : List.copyOf(keeps);
    }

    /** A follow-up that keeps no commitment. */
    public LogFollowUp(UUID contactId, String ownerId, UUID followUpId, FollowUpKind kind, Channel channel,
                       String note, Instant at) {
        this(contactId, ownerId, followUpId, kind, channel, note, at, List.of());
    }
}

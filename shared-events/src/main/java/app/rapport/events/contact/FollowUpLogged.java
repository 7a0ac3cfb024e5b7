package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The networker got back in touch with a contact to stay on their radar.
 *
 * @param keeps the commitments this follow-up kept, each also recorded as a
 *        {@link app.rapport.events.commitment.CommitmentKept} naming this follow-up; empty, never
 *        null (follow-ups recorded before commitments existed read with none).
 */
public record FollowUpLogged(
        UUID contactId,
        String ownerId,
        UUID followUpId,
        FollowUpKind kind,
        Channel channel,
        @Personal String note,
        Instant at,
        List<UUID> keeps) implements ContactEvent {

    public FollowUpLogged {
        keeps = keeps == null ? List.of() : List.copyOf(keeps);
    }

    /** A follow-up that kept no commitment. */
    public FollowUpLogged(UUID contactId, String ownerId, UUID followUpId, FollowUpKind kind, Channel channel,
                          String note, Instant at) {
        this(contactId, ownerId, followUpId, kind, channel, note, at, List.of());
    }
}

package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import java.time.Instant;
import java.util.UUID;

/** The networker got back in touch with a contact to stay on their radar. */
public record FollowUpLogged(
        UUID contactId,
        String ownerId,
        UUID followUpId,
        FollowUpKind kind,
        Channel channel,
        String note,
        Instant at) implements ContactEvent {
}

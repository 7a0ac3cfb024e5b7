package app.rapport.platform.axon;

import app.rapport.events.contact.ContactAdded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Contacts were once added with the practice's default cadence written into the event (60 days),
 * which made the keep-in-touch setting change nothing for them. No command ever let a person choose
 * a cadence when adding a contact, so every stored 60 there is that old default: it reads as "no
 * cadence of its own" (0), the way contacts are added now. A cadence chosen later is its own event.
 */
public class DefaultCadenceUpcaster extends SingleEventUpcaster {

    static final int OLD_DEFAULT_DAYS = 60;
    private static final String CONTACT_ADDED = ContactAdded.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return CONTACT_ADDED.equals(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(event.getType(), JsonNode.class, payload -> {
            if (payload.path("cadenceDays").asInt() == OLD_DEFAULT_DAYS) {
                ((ObjectNode) payload).put("cadenceDays", 0);
            }
            return payload;
        });
    }
}

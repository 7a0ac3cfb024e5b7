package app.rapport.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component that holds personal data of a data subject: the event store keeps it
 * encrypted with that subject's own key, and once the key is erased it reads back as
 * {@link #ERASED} (a list as empty). The subject is the event's own — {@code contactId} of a
 * {@link ContactEvent}, {@code networkerId} of a {@link NetworkerEvent} — unless {@link #subject}
 * names another component of the event: a {@code UUID} component names a contact, a
 * {@code String} one a networker. On a value type nested in an event, the enclosing event's
 * subject holds.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Personal {

    /** What a personal text of an erased subject reads as. */
    String ERASED = "(erased)";

    /** The event component naming the data subject, when it is not the event's own. */
    String subject() default "";
}

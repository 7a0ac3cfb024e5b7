package app.rapport.query.audit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

import app.rapport.query.support.EventSubject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event of every journal, with the acting user and correlation id from its metadata and
 * its payload as stored. Keyed by event identifier: a redelivered event is already there.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
class AuditProjection {

    static final String GROUP = "audit";

    /** The {@code at} of each event type that has one (an Instant component of that name). */
    private static final ClassValue<Optional<MethodHandle>> AT = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            return Arrays.stream(type.getRecordComponents())
                    .filter(component -> component.getName().equals("at") && component.getType() == Instant.class)
                    .findFirst().map(component -> {
                        try {
                            return MethodHandles.publicLookup().unreflect(component.getAccessor());
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("Cannot read at of " + type.getName(), e);
                        }
                    });
        }
    };

    private final JdbcTemplate jdbc;

    AuditProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws Throwable {
        if (EventSubject.of(payload).isEmpty()) {
            return;
        }
        Optional<MethodHandle> at = AT.get(payload.getClass());
        Instant happened = at.isPresent() ? (Instant) at.get().invoke(payload) : null;
        AuditBatch.of(this, jdbc).add(message.getIdentifier(), happened == null ? null : micros(happened),
                micros(message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

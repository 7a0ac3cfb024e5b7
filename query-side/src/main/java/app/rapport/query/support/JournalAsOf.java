package app.rapport.query.support;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import app.rapport.platform.PracticeSettings;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Any view as of a moment: what was recorded by then, with due times judged at that moment. The
 * owner's events recorded by {@code asOf} are folded through the view's own projection classes
 * (instances of their own, not the live beans) into empty private copies of its tables, and the
 * view's own query then reads those copies. One fold for every view, and the live code in both halves, so the journal as it stood
 * and the journal as it stands cannot disagree on what an event means.
 * <p>
 * How:
 * <ol>
 * <li>The owner's contacts ({@link OwnerContacts}) and their events recorded by {@code asOf}, read
 * from the store in one statement ({@link RecordedEvents}).</li>
 * <li>On a connection of its own whose copies of the read models' tables are empty, in a read-only
 * transaction that is always rolled back and in which unqualified names are the copies alone
 * ({@link TableCopies}): the events handed to the projections in one
 * {@link BatchingUnitOfWork}, as a processor hands a batch over, so the projections load their
 * rows once, change them per event and write them in one batched upsert per table; a correction
 * re-derives its contact from the same events ({@link FoldedRederivation}).</li>
 * <li>The question, on the same connection, with {@code asOf} as its "now".</li>
 * </ol>
 * Nothing waits for a processor but {@code consistentWith} on the owner's contacts: the event
 * store is always current.
 */
@Component
public class JournalAsOf {

    private final TableCopies copies;
    private final RecordedEvents recorded;
    private final OwnerContacts owners;
    private final ConsistencyGate consistency;
    private final PracticeSettings practice;
    private final EventStore eventStore;
    private final Clock clock;

    JournalAsOf(TableCopies copies, RecordedEvents recorded, OwnerContacts owners, ConsistencyGate consistency,
                PracticeSettings practice, EventStore eventStore, Clock clock) {
        this.copies = copies;
        this.recorded = recorded;
        this.owners = owners;
        this.consistency = consistency;
        this.practice = practice;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /**
     * Asks the read model's query class about the owner's whole journal as recorded by
     * {@code asOf}: {@code question} gets the query class on the folded copies.
     *
     * @param consistentWith waited for (as every query does) before the owner's contacts are listed
     * @throws BadQueryParameterException for an {@code asOf} after now
     */
    public <Q, T> T read(String ownerId, Instant asOf, Long consistentWith, AsOfReadModel<Q> model,
                         Function<Q, T> question) {
        return fold(ownerId, contactsOf(ownerId, consistentWith, asOf), asOf, List.of(model),
                parts -> question.apply(model.queries().apply(parts)));
    }

    /**
     * Asks a question of several read models at once about the owner's whole journal as recorded
     * by {@code asOf} (a report that joins their tables): {@code question} reads the folded copies
     * through the client with the read models' own table names. Also the form to use from another
     * package than the read model's, whose query class it cannot name.
     */
    public <T> T read(String ownerId, Instant asOf, Long consistentWith, List<AsOfReadModel<?>> models,
                      Function<JdbcClient, T> question) {
        return fold(ownerId, contactsOf(ownerId, consistentWith, asOf), asOf, models,
                parts -> question.apply(parts.client()));
    }

    /**
     * Asks the read model's query class about one contact of the owner as recorded by
     * {@code asOf}: only its stream is folded. A contact not recorded by then, or another owner's,
     * folds nothing, so the query finds no rows for it.
     */
    public <Q, T> T readContact(String ownerId, UUID contactId, Instant asOf, AsOfReadModel<Q> model,
                                Function<Q, T> question) {
        requireRecorded(asOf);
        return fold(ownerId, List.of(contactId), asOf, List.of(model),
                parts -> question.apply(model.queries().apply(parts)));
    }

    private List<UUID> contactsOf(String ownerId, Long consistentWith, Instant asOf) {
        requireRecorded(asOf);
        consistency.awaitProcessed(consistentWith, owners.processingGroup());
        return owners.contactsOf(ownerId);
    }

    /** A journal as of a later moment has not been recorded yet: the overdue view's lookahead lists what comes due. */
    private void requireRecorded(Instant asOf) {
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw new BadQueryParameterException("asOf", "must not be after now (" + now + "): only what was"
                    + " recorded by then is shown; to see what comes due, ask the overdue view with a lookahead");
        }
    }

    private <T> T fold(String ownerId, List<UUID> contacts, Instant asOf, List<AsOfReadModel<?>> models,
                       Function<AsOfReadModel.Parts, T> question) {
        if (CurrentUnitOfWork.isStarted()) {
            // the projections' batches would join that unit of work and write when it commits
            throw new IllegalStateException("A journal as of a moment is folded in a unit of work of its own");
        }
        List<TrackedEventMessage<?>> events = recorded.recordedBy(contacts, asOf).stream()
                .filter(event -> EventSubject.of(event.getPayload())
                        .map(subject -> subject.ownerId().equals(ownerId)).orElse(false))
                .toList();
        return copies.inCopies(tablesOf(models), session -> {
            Folding folding = session.kept(Folding.class, () -> new Folding(session.jdbc()));
            session.folded(events.size());
            folding.rederivation.over(events);
            handle(events, folding.handlersOf(models));
            return question.apply(folding.parts);
        });
    }

    /**
     * What folding needs on one connection with copies, kept with it: the parts, and each read
     * model's projection with its handlers, made once. Inspecting a projection's handlers was a
     * sixth of a fold's CPU, and a projection keeps nothing of its own between batches (the live
     * one handles every batch of its processor), so one instance folds every journal on the
     * connection, as the live one does on the processor's.
     */
    private final class Folding {

        /** Read models are constants; more than these kept would mean one is made per question. */
        private static final int MAX_READ_MODELS = 32;

        final FoldedRederivation rederivation = new FoldedRederivation(eventStore);
        final AsOfReadModel.Parts parts;
        final Map<AsOfReadModel<?>, AnnotationEventHandlerAdapter> handlers = new IdentityHashMap<>();

        Folding(JdbcTemplate jdbc) {
            this.parts = new AsOfReadModel.Parts(jdbc, JdbcClient.create(jdbc), practice, rederivation);
        }

        /** One projection per class: two read models of one projection (two reports of one table set) fold once. */
        List<AnnotationEventHandlerAdapter> handlersOf(List<AsOfReadModel<?>> models) {
            Map<Class<?>, AnnotationEventHandlerAdapter> byProjection = new LinkedHashMap<>();
            for (AsOfReadModel<?> model : models) {
                AnnotationEventHandlerAdapter adapter = handlersOf(model);
                byProjection.putIfAbsent(adapter.getTargetType(), adapter);
            }
            return List.copyOf(byProjection.values());
        }

        private AnnotationEventHandlerAdapter handlersOf(AsOfReadModel<?> model) {
            if (handlers.size() >= MAX_READ_MODELS && !handlers.containsKey(model)) {
                handlers.clear();
            }
            return handlers.computeIfAbsent(model,
                    ignored -> new AnnotationEventHandlerAdapter(model.projection().apply(parts)));
        }
    }

    private static Set<String> tablesOf(List<AsOfReadModel<?>> models) {
        Set<String> tables = new LinkedHashSet<>();
        models.forEach(model -> tables.addAll(model.tables()));
        return tables;
    }

    /**
     * The events as one batch through every projection, as a processor hands a batch to its
     * handlers: the projections' writes happen as the unit of work commits, inside the caller's
     * transaction. Also how a rebuild folds each batch of the store.
     * <p>
     * The unit of work is driven by hand rather than by {@code executeWithResult}, which wraps each
     * event's result (nothing, here) in a message with a random identifier drawn from the JVM's
     * shared {@code SecureRandom}: a JFR profile of asOf questions found that at a tenth of the
     * handling's samples.
     */
    public static void handle(List<TrackedEventMessage<?>> events, List<AnnotationEventHandlerAdapter> handlers) {
        if (events.isEmpty()) {
            return;
        }
        // each projection asked once per payload type whether it handles it, not once per event
        Map<Class<?>, List<AnnotationEventHandlerAdapter>> handling = new HashMap<>();
        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.start();
        try {
            for (TrackedEventMessage<?> event : events) {
                List<AnnotationEventHandlerAdapter> of = handling.computeIfAbsent(event.getPayloadType(),
                        type -> handlers.stream().filter(handler -> handler.canHandleType(type)).toList());
                for (AnnotationEventHandlerAdapter handler : of) {
                    handler.handle(event);
                }
            }
        } catch (Exception e) {
            batch.rollback(e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Folding the journal failed", e);
        }
        batch.commit();  // the projections write; a failure rolls the unit of work back and is thrown
    }
}

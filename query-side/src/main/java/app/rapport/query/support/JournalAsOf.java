package app.rapport.query.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import app.rapport.platform.PracticeSettings;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;

/**
 * Any view as of a moment: what was recorded by then, with due times judged at that moment. The
 * owner's events recorded by {@code asOf} are folded through new instances of the view's own
 * projections into empty private copies of its tables, and the view's own query then reads those
 * copies. One fold for every view, and the live code in both halves, so the journal as it stood
 * and the journal as it stands cannot disagree on what an event means.
 * <p>
 * How, on one pooled connection and in one transaction that is always rolled back:
 * <ol>
 * <li>{@code CREATE TEMP TABLE t (LIKE t INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP} for
 * each table the view's read models name. PostgreSQL looks up unqualified names in the session's
 * temporary schema first, so the projections' and the queries' own SQL (which never name a schema)
 * reads and writes the copies from then on, on this connection only.</li>
 * <li>{@code SET LOCAL search_path TO pg_temp}: from then on an unqualified name is a copy or
 * nothing (the system catalogs aside), so a table a read model forgot to name fails the query
 * instead of being read or written live; and {@code SET TRANSACTION READ ONLY}, which still allows
 * writing temporary tables and refuses writing any other, even one named with its schema.</li>
 * <li>The events, read from the store ({@link RecordedEvents}), handed to the projections in one
 * {@link BatchingUnitOfWork}, as a processor hands a batch over: the projections load their rows
 * once, change them per event and write them in one batched upsert per table on commit. A
 * correction re-derives its contact from the same events ({@link FoldedRederivation}).</li>
 * <li>The question, on the same connection, with {@code asOf} as its "now".</li>
 * <li>Rollback: the copies are gone (created in the transaction, and dropped at commit besides), so
 * a pooled connection never keeps one that would hide a live table from its next user.</li>
 * </ol>
 * Nothing waits for a processor but {@code consistentWith} on the owner's contacts: the event
 * store is always current.
 */
@Component
public class JournalAsOf {

    private final DataSource dataSource;
    private final RecordedEvents recorded;
    private final OwnerContacts owners;
    private final ConsistencyGate consistency;
    private final PracticeSettings practice;
    private final EventStore eventStore;
    private final Clock clock;

    JournalAsOf(DataSource dataSource, RecordedEvents recorded, OwnerContacts owners, ConsistencyGate consistency,
                PracticeSettings practice, EventStore eventStore, Clock clock) {
        this.dataSource = dataSource;
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
     * through the client with the read models' own table names.
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
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                for (String table : tablesOf(models)) {
                    jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE " + table
                            + " INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP");
                }
                jdbc.execute("SET LOCAL search_path TO pg_temp");
                jdbc.execute("SET TRANSACTION READ ONLY");
                AsOfReadModel.Parts parts = new AsOfReadModel.Parts(jdbc, JdbcClient.create(jdbc), practice,
                        new FoldedRederivation(eventStore, events));
                List<Object> projections = new ArrayList<>();
                for (AsOfReadModel<?> model : models) {
                    projections.add(model.projection().apply(parts));
                }
                handle(events, projections);
                return question.apply(parts);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SQLExceptionSubclassTranslator().translate("Folding a journal as of " + asOf, null, e);
        }
    }

    private static Set<String> tablesOf(List<AsOfReadModel<?>> models) {
        Set<String> tables = new LinkedHashSet<>();
        models.forEach(model -> tables.addAll(model.tables()));
        return tables;
    }

    /** The events as one batch through every projection, as a processor hands a batch to its handlers. */
    private static void handle(List<TrackedEventMessage<?>> events, List<Object> projections) {
        if (events.isEmpty()) {
            return;
        }
        List<AnnotationEventHandlerAdapter> handlers = projections.stream().map(AnnotationEventHandlerAdapter::new)
                .toList();
        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Folding the journal failed", cause);
        }
    }
}

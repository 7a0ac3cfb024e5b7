package app.rapport.command.erasure;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import app.rapport.command.dispatch.Decided;
import app.rapport.platform.AdvisoryLocks;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs many erasures as one, all or nothing, the way an import stores its rows: every command is
 * sent to its aggregate as any client's is, inside one database transaction that commits once all
 * of them were accepted and otherwise rolls back, with every event and every key deletion in it
 * (the key store joins the caller's transaction). Events are appended in chunks, each chunk a unit
 * of work whose nested command units hand it their events, so a thousand erasures cost ten batch
 * inserts; a chunk stays small because Axon compares a unit's collected events with each other
 * whenever a command loads an aggregate not in the cache.
 * <p>
 * A contact is cached as its command's unit of work left it, before the transaction's outcome is
 * known: on a rollback every aggregate the erasures touched is dropped from the cache, so an
 * erasure never stored is never answered from it. Runs are serialised by a transaction-scoped
 * advisory lock, so two instances applying the same list (at start-up, say) do not race.
 */
@Component
class ErasureUnit {

    static final int CHUNK = 100;
    private static final long LOCK = AdvisoryLocks.key("rapport-erasures");

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Cache contacts;

    ErasureUnit(CommandGateway gateway, TransactionManager transactions, JdbcTemplate jdbc,
                @Qualifier("contactCache") Cache contacts) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /**
     * Runs {@code work} in one transaction and stores what it sent, unless it throws: then nothing
     * of it is stored, and its exception (a refusal, a lost race) is thrown on.
     */
    <T> T run(Function<Sender, T> work) {
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("Erasures run in a transaction of their own, not inside a unit of work");
        }
        Sender sender = new Sender();
        Transaction transaction = transactions.startTransaction();
        boolean stored = false;
        try {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> {
            }, LOCK);
            T result = work.apply(sender);
            sender.appendChunk();
            transaction.commit();
            stored = true;
            return result;
        } catch (RuntimeException | Error failed) {
            sender.abandonChunk(failed);
            transaction.rollback();
            throw failed;
        } finally {
            if (!stored) {
                sender.touched.forEach(contacts::remove);
            }
        }
    }

    /** Sends the commands of one run. */
    final class Sender {

        private final Set<String> touched = new LinkedHashSet<>();
        private UnitOfWork<?> chunk;
        private int inChunk;

        /** Sends an erasure to its aggregate; what it decided, as the aggregate's erasure handlers answer. */
        Decided send(Object command, String aggregateId) {
            touched.add(aggregateId);
            if (chunk == null) {
                chunk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("erasures"));
                chunk.attachTransaction(transactions);
            }
            Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command));
            if (++inChunk == CHUNK) {
                appendChunk();
            }
            if (result instanceof Decided decided) {
                return decided;
            }
            throw new IllegalStateException(command.getClass().getSimpleName() + " was not answered by an erasure handler");
        }

        private void appendChunk() {
            if (chunk != null) {
                UnitOfWork<?> full = chunk;
                chunk = null;
                inChunk = 0;
                full.commit();
            }
        }

        private void abandonChunk(Throwable cause) {
            if (chunk != null && chunk.isActive()) {
                chunk.rollback(cause);
            }
            chunk = null;
            inChunk = 0;
        }
    }
}

package app.rapport.platform.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event processors' transactions, committed without waiting for the disk.
 * <p>
 * Everything a processor writes is derived from the event store: its read model's rows, its
 * token, its dead letters, all in one transaction. PostgreSQL's asynchronous commit may lose the
 * last such transactions if the server itself stops (never the application alone), and loses
 * them whole and in commit order; the processor then finds its token where the rows it kept
 * were written, and handles the lost events again from the store, whose appends keep waiting for
 * the disk. What that buys: a processor's commit no longer queues for a WAL flush behind the
 * commands', nor makes them queue behind it.
 */
final class DerivedStateTransactions implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    DerivedStateTransactions(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            // LOCAL: for this transaction only, on the connection it is bound to
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}

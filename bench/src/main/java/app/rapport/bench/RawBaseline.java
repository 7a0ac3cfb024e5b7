package app.rapport.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The physical limit beside the app: plain JDBC on a copy of {@code domain_event_entry} (same
 * columns, identity, constraints and indexes) with rows of the same sizes, taken from the same
 * generator as the bulk load.
 */
final class RawBaseline {

    static final String TABLE = "bench_raw_event";
    private static final String COLUMNS = "(aggregate_identifier, sequence_number, type, event_identifier, meta_data,"
            + " payload, payload_revision, payload_type, time_stamp)";
    private static final String TUPLE = "(?, ?, 'Contact', ?, ?, ?, NULL, ?, ?)";
    private static final int BATCH = 1_000;

    private final Database database;
    private final Consumer<String> out;
    private final List<StoredEvents.Row> samples = new ArrayList<>();
    /** Keeps the parsed results observable, so no work is optimised away. */
    static volatile long sink;

    RawBaseline(Database database, Consumer<String> out) {
        this.database = database;
        this.out = out;
        Random random = new Random(7);
        Instant now = Instant.now();
        while (samples.size() < 5_000) {
            samples.addAll(StoredEvents.relationship("user-raw", UUID.randomUUID(), random, now));
        }
    }

    void createTable() throws SQLException {
        database.execute("DROP TABLE IF EXISTS " + TABLE);
        database.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
    }

    void dropTable() throws SQLException {
        database.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    double averageRowBytes() {
        return samples.stream().mapToInt(row -> row.payload().length + row.metaData().length).average().orElse(0);
    }

    /** One row per transaction (autocommit), from {@code clients} connections; rows per second. */
    double singleRowTransactions(int clients, Duration duration) throws Exception {
        AtomicLong rows = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        runOnThreads(clients, client -> {
            try (Connection connection = database.connect();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " " + COLUMNS + " VALUES " + TUPLE)) {
                long n = 0;
                String aggregate = null;
                while (System.nanoTime() < deadline) {
                    if (n % 10 == 0) {
                        aggregate = UUID.randomUUID().toString();
                    }
                    bind(insert, 1, samples.get((int) ((n * 7 + client) % samples.size())), aggregate, n % 10);
                    insert.executeUpdate();
                    n++;
                }
                rows.addAndGet(n);
            }
        });
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** {@value #BATCH} rows per INSERT statement and transaction, from {@code clients} connections. */
    double batchedInserts(int clients, int totalRows) throws Exception {
        int statements = Math.max(1, totalRows / BATCH);
        AtomicLong done = new AtomicLong();
        StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE + " " + COLUMNS + " VALUES ");
        for (int i = 0; i < BATCH; i++) {
            sql.append(i == 0 ? "" : ",").append(TUPLE);
        }
        long started = System.nanoTime();
        runOnThreads(clients, client -> {
            try (Connection connection = database.connect();
                 PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                for (int s = client; s < statements; s += clients) {
                    int p = 1;
                    String aggregate = null;
                    for (int i = 0; i < BATCH; i++) {
                        if (i % 10 == 0) {
                            aggregate = UUID.randomUUID().toString();
                        }
                        p = bind(insert, p, samples.get((s * BATCH + i) % samples.size()), aggregate, i % 10);
                    }
                    insert.executeUpdate();
                    long total = done.addAndGet(BATCH);
                    if (total % 100_000 == 0) {
                        out.accept(String.format("  raw batched inserts: %,d of %,d rows", total, (long) statements * BATCH));
                    }
                }
            }
        });
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Reads every row of the table in one sequential scan, parsing payload and metadata as JSON. */
    double scanAndParse(long[] rowsRead) throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement scan = connection.createStatement()) {
                scan.setFetchSize(5_000);
                try (ResultSet result = scan.executeQuery("SELECT global_index, payload, meta_data, payload_type FROM " + TABLE)) {
                    while (result.next()) {
                        checksum += StoredEvents.MAPPER.readTree(result.getBytes(2)).size();
                        checksum += StoredEvents.MAPPER.readTree(result.getBytes(3)).size();
                        checksum += result.getString(4).length() + result.getLong(1);
                        rows++;
                    }
                } catch (java.io.IOException e) {
                    throw new SQLException("unparsable JSON", e);
                }
            }
            connection.commit();
        }
        rowsRead[0] = rows;
        sink = checksum;
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static int bind(PreparedStatement insert, int p, StoredEvents.Row row, String aggregate, long sequence)
            throws SQLException {
        insert.setString(p++, aggregate);
        insert.setLong(p++, sequence);
        insert.setString(p++, UUID.randomUUID().toString());
        insert.setBytes(p++, row.metaData());
        insert.setBytes(p++, row.payload());
        insert.setString(p++, row.payloadType());
        insert.setString(p++, row.timestamp());
        return p;
    }

    interface ClientWork {
        void run(int client) throws Exception;
    }

    static void runOnThreads(int clients, ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package app.rapport.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a large journal fast: well-formed events COPYed straight into {@code domain_event_entry}
 * in transactions of about 100 000 rows, one at a time so the global index has no gaps, while the
 * app's processors pick them up as they would events written by commands.
 */
final class EventLoader {

    record Loaded(long events, long contacts, double seconds, Map<String, List<UUID>> contactsOf) {
    }

    private static final int ROWS_PER_TRANSACTION = 100_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Database database;
    private final Consumer<String> out;

    EventLoader(Database database, Consumer<String> out) {
        this.database = database;
        this.out = out;
    }

    /** Every owner gets {@code contactsPerUser} relationships; the contact ids of {@code remembered} owners are kept. */
    Loaded load(List<String> owners, int contactsPerUser, Set<String> remembered, long seed) throws Exception {
        Map<String, List<UUID>> contactsOf = new HashMap<>();
        Set<String> keep = new HashSet<>(remembered);
        Instant now = Instant.now();
        long started = System.nanoTime();
        long events = 0;
        long contacts = 0;
        long lastReport = 0;
        try (Connection connection = database.connect()) {
            CopyIn copy = null;
            long inTransaction = 0;
            StringBuilder line = new StringBuilder(2_048);
            for (int u = 0; u < owners.size(); u++) {
                String owner = owners.get(u);
                Random random = new Random(seed * 1_000_003L + u);
                ByteArrayOutputStream chunk = new ByteArrayOutputStream(64 * 1024);
                for (int c = 0; c < contactsPerUser; c++) {
                    UUID contactId = new UUID(random.nextLong(), random.nextLong());
                    if (keep.contains(owner)) {
                        contactsOf.computeIfAbsent(owner, o -> new ArrayList<>()).add(contactId);
                    }
                    for (StoredEvents.Row row : StoredEvents.relationship(owner, contactId, random, now)) {
                        line.setLength(0);
                        line.append(row.aggregateId()).append('\t').append(row.sequence()).append("\tContact\t")
                                .append(row.eventId()).append('\t');
                        appendBytea(line, row.metaData());
                        line.append('\t');
                        appendBytea(line, row.payload());
                        line.append("\t\\N\t").append(row.payloadType()).append('\t').append(row.timestamp()).append('\n');
                        chunk.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                        events++;
                        inTransaction++;
                    }
                    contacts++;
                }
                if (copy == null) {
                    copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                            COPY domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                              meta_data, payload, payload_revision, payload_type, time_stamp) FROM STDIN""");
                }
                byte[] bytes = chunk.toByteArray();
                copy.writeToCopy(bytes, 0, bytes.length);
                if (inTransaction >= ROWS_PER_TRANSACTION || u == owners.size() - 1) {
                    copy.endCopy();
                    copy = null;
                    inTransaction = 0;
                }
                if (events - lastReport >= 100_000 || u == owners.size() - 1) {
                    lastReport = events;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.accept(String.format("  bulk load: %,d events (%,d owners, %,d contacts) in %.1f s, %,.0f events/s",
                            events, u + 1, contacts, seconds, events / seconds));
                }
            }
        }
        return new Loaded(events, contacts, (System.nanoTime() - started) / 1e9, contactsOf);
    }

    /** bytea in COPY's text format: {@code \\x} and hex digits (the backslash escaped for COPY). */
    private static void appendBytea(StringBuilder line, byte[] bytes) {
        line.append("\\\\x");
        for (byte b : bytes) {
            line.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }
}

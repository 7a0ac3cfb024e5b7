package app.rapport.query.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.query.support.NotYetConsistentException;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code events.jsonl} is written while it is read, not gathered first. The proof: a journal of
 * about ten megabytes (more than the socket buffers between server and client can hold) is asked
 * for by a client that reads slowly; once the first lines have arrived, the export's statement is
 * still open in PostgreSQL, its cursor part-way through. An export that read every row before
 * writing would have finished its statement and transaction before sending a byte. Read to the
 * end, the answer has every event, in order, and the statement is gone.
 */
class ExportStreamingTest extends QueryIntegrationTest {

    static final int EVENTS = 1_000;
    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aLargeJournal_isWrittenWhileItIsRead() throws Exception {
        Journal journal = journal();
        journal.grant(TestUsers.DEMO, T0);
        var contact = journal.contact("Maya Chen", T0);
        appendFollowUps(journal.owner(), contact.id.toString(), EVENTS);
        await(Duration.ofMinutes(3), this::projectionsCaughtUp);

        try (Socket socket = new Socket()) {
            // a small window: the server can send only as fast as this test reads
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", port));
            OutputStream request = socket.getOutputStream();
            String credentials = Base64.getEncoder().encodeToString(
                    (TestUsers.DEMO + ":" + TestUsers.passwordOf(TestUsers.DEMO)).getBytes(StandardCharsets.UTF_8));
            // HTTP/1.0: the body comes unchunked and ends with the connection
            request.write(("GET /api/exports/events.jsonl?owner=" + journal.owner() + " HTTP/1.0\r\n"
                    + "Host: localhost\r\nAuthorization: Basic " + credentials + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream answer = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();

            readUntilLines(answer, received, 3);
            assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            assertThat(exportStatementsOpen()).as("the export's statement, once the first lines arrived").isEqualTo(1);

            answer.transferTo(received);
            String body = received.toString(StandardCharsets.UTF_8);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : body.substring(body.indexOf("\r\n\r\n") + 4).split("\n")) {
                lines.add(JSON.readTree(line));
            }
            assertThat(lines).hasSize(EVENTS + 2);
            assertThat(lines.stream().map(line -> line.get("position").asLong()).toList()).isSorted();
            assertThat(received.size()).as("bytes sent").isGreaterThan(8_000_000);
        }
        await(Duration.ofSeconds(5), () -> exportStatementsOpen() == 0);
    }

    /** Whether every read model has the journal: thousands of events take longer than one query's wait. */
    private boolean projectionsCaughtUp() {
        try {
            awaitProjections();
            return true;
        } catch (NotYetConsistentException e) {
            return false;
        }
    }

    /** The follow-ups of one contact, written straight into the store: ~10 kB each as exported. */
    private void appendFollowUps(String owner, String contactId, int count) {
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_type, time_stamp)
                SELECT ?, s, 'Contact', gen_random_uuid()::text,
                       convert_to(json_build_object('actor', ?, 'correlationId', gen_random_uuid())::text, 'UTF8'),
                       convert_to(json_build_object('contactId', ?, 'ownerId', ?, 'followUpId', gen_random_uuid(),
                           'kind', 'CHECK_IN', 'channel', 'EMAIL', 'note', repeat('a long note ', 850),
                           'at', ?)::text, 'UTF8'),
                       'app.rapport.events.contact.FollowUpLogged', ?
                FROM generate_series(1, ?) AS s""",
                contactId, owner, contactId, owner, T0.plusSeconds(60).toString(), T0.plusSeconds(60).toString(),
                count);
    }

    /** Reads until {@code lines} line ends of the body have arrived after the headers. */
    private static void readUntilLines(InputStream in, ByteArrayOutputStream received, int lines) throws IOException {
        byte[] buffer = new byte[1024];
        while (true) {
            String text = received.toString(StandardCharsets.UTF_8);
            int body = text.indexOf("\r\n\r\n");
            if (body >= 0 && text.substring(body + 4).chars().filter(c -> c == '\n').count() >= lines) {
                return;
            }
            int n = in.read(buffer);
            assertThat(n).as("the answer ended early: " + text).isPositive();
            received.write(buffer, 0, n);
        }
    }

    private int exportStatementsOpen() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE query LIKE ? AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()""",
                Integer.class, JournalExport.MARKER + "%");
    }
}

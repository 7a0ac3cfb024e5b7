package app.rapport.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Password guessing beside a signed-in user: {@value #GUESSERS} clients send wrong passwords for
 * one username as fast as they are answered, while another user, signed in already, makes
 * authenticated GETs. Counts the guesses that were checked (401) and those refused unchecked
 * (429), and takes the signed-in user's latency with and without the flood.
 * <p>
 * Each guesser connects from a loopback address of its own (127.0.0.2 and up, all of 127/8 being
 * loopback on Linux), as guessers elsewhere would: from 127.0.0.1 they would make the benchmark's
 * own address wait, and the later steps sign in from there. java.net.http cannot choose its local
 * address on Java 17, so a guess is a plain HTTP/1.1 request on a socket bound to it, one
 * connection per guess.
 */
final class GuessingFlood {

    static final int GUESSERS = 8;
    private static final String PATH = "/api/mentees";

    /** Per-second rates are NaN when the flood could not run. */
    record Result(double checkedPerSecond, double refusedPerSecond, long otherAnswers, Latencies idle,
                  Latencies flood, long signedInErrors) {
    }

    private final Api api;
    private final Consumer<String> out;
    private final InetAddress server;
    private final int port;

    GuessingFlood(Api api, String baseUrl, Consumer<String> out) throws IOException {
        this.api = api;
        this.out = out;
        this.server = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.port = URI.create(baseUrl).getPort();
    }

    Result run(String target, String signedIn, Duration duration) throws Exception {
        String auth = Users.auth(signedIn);
        api.get(auth, PATH);
        Latencies idle = new Latencies();
        long idleUntil = System.nanoTime() + duration.toNanos();
        long idleErrors = signedInUntil(auth, idleUntil, idle);
        if (idleErrors > 0) {
            out.accept("  the signed-in user had " + idleErrors + " failed requests without any flood");
        }
        try {
            get(guesser(0), "/actuator/health", null);
        } catch (IOException cannotBind) {
            out.accept("  skipped: cannot connect from " + guesser(0).getHostAddress() + " (" + cannotBind + ")");
            return new Result(Double.NaN, Double.NaN, 0, idle, new Latencies(), 0);
        }

        AtomicLong checked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong signedInErrors = new AtomicLong();
        Latencies flood = new Latencies();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        RawBaseline.runOnThreads(GUESSERS + 1, client -> {
            if (client == GUESSERS) {
                signedInErrors.addAndGet(signedInUntil(auth, deadline, flood));
                return;
            }
            InetAddress from = guesser(client);
            for (long n = 0; System.nanoTime() < deadline; n++) {
                int status = get(from, PATH, Api.basic(target, "guess-" + client + "-" + n));
                (status == 401 ? checked : status == 429 ? refused : other).incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(checked.get() / seconds, refused.get() / seconds, other.get(), idle, flood,
                signedInErrors.get());
    }

    /** Authenticated GETs one after another until the deadline; answers the number that failed. */
    private long signedInUntil(String auth, long deadline, Latencies latency) {
        long errors = 0;
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            Api.Answer answer = api.get(auth, PATH);
            latency.add(System.nanoTime() - t0);
            if (!answer.ok()) {
                errors++;
            }
        }
        return errors;
    }

    private static InetAddress guesser(int client) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + client)});
    }

    /** One GET from that address, with these credentials if any; answers the status. */
    private int get(InetAddress from, String path, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(server, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = socket.getInputStream();
            String answer = new String(response.readAllBytes(), StandardCharsets.ISO_8859_1);
            // "HTTP/1.1 401 …"
            return answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
        }
    }
}

package app.rapport.query.webhooks;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint for the tests, a real HTTP server on loopback: it verifies every request's
 * signature the way the Standard Webhooks libraries do (its own HMAC, compared in constant time),
 * answers 503 to as many requests as it is told to fail, and keeps every id it accepted, in
 * order, duplicates too. It can be stopped and started again on the same port.
 */
final class Receiver implements AutoCloseable {

    private final byte[] key;
    private final List<String> accepted = new ArrayList<>();
    private final List<String> badSignatures = new ArrayList<>();
    private final AtomicInteger toFail = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean alwaysFail;
    private int port;
    private HttpServer server;

    Receiver(String secret) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    Receiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        port = server.getAddress().getPort();
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int status;
            if (!verified(id, timestamp, signature, body)) {
                synchronized (this) {
                    badSignatures.add(id);
                }
                status = 400;
            } else if (alwaysFail || toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failed.incrementAndGet();
                status = 503;
            } else {
                synchronized (this) {
                    accepted.add(id);
                }
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void failNext(int requests) {
        toFail.set(requests);
    }

    void failAlways() {
        alwaysFail = true;
    }

    int failed() {
        return failed.get();
    }

    synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    synchronized Set<String> distinct() {
        return new LinkedHashSet<>(accepted);
    }

    synchronized List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    private boolean verified(String id, String timestamp, String signature, byte[] body) {
        if (id == null || timestamp == null || signature == null || !signature.startsWith("v1,")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))
                    && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
        } catch (Exception e) {
            return false;
        }
    }
}

package app.rapport.query.webhooks;

import app.rapport.events.Personal;
import app.rapport.platform.privacy.PersonalData;
import app.rapport.platform.webhooks.WebhookAddress;
import app.rapport.query.feed.EventFeed;
import app.rapport.query.feed.FeedItem;
import app.rapport.query.feed.FeedPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts each webhook the events of its owner's journal, in the order of the store, at least once.
 * <p>
 * Every webhook goes at its own pace: its row in {@code webhook_delivery} holds the position it
 * has delivered through, and a delivery loop of its own (a thread of a small pool) reads the
 * journal from there with the feed's reader and posts one event after another, moving the
 * position past each one its endpoint answered with a 2xx. A failure stops that webhook's loop
 * only: it is tried again after {@code firstRetry}, doubled at each further failure up to
 * {@code longestRetry}, and once it has failed for {@code failingAfter} it is marked failing (and
 * still retried: nothing is skipped). A slow endpoint holds its own thread, never another's.
 * <p>
 * Several replicas may deliver: a replica claims a webhook by setting a lease on its row
 * ({@code UPDATE … WHERE the lease is free}, which PostgreSQL serialises), renews it with every
 * delivery and releases it when it has caught up; every write of progress is conditional on still
 * holding it, so a replica that lost its lease (paused past it) stops without moving the position.
 * Its last post may then be delivered again by the next holder: at least once, deduped by
 * {@code webhook-id}.
 * <p>
 * The URL is checked again before each run (its name may resolve elsewhere now), redirects are
 * not followed, and timeouts are short.
 */
@Component
@EnableConfigurationProperties(DeliverySettings.class)
class WebhookDeliveries implements SmartLifecycle {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final ObjectMapper BODY = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String WHERE_HELD = " WHERE owner_id = ? AND name = ? AND generation = ? AND lease_holder = ?";

    /** A webhook at one generation: what a loop delivers and a lease names. */
    private record Claim(String ownerId, String name, long generation) {
    }

    private final JdbcTemplate jdbc;
    private final EventFeed feed;
    private final Webhooks webhooks;
    private final PersonalData personalData;
    private final DeliverySettings settings;
    private final HttpClient http;
    private final String holder = "query-side-" + UUID.randomUUID();
    private final Set<Claim> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService loops;
    private volatile boolean started;
    private WebhookAddress.Resolver resolver = WebhookAddress.SYSTEM;

    WebhookDeliveries(JdbcTemplate jdbc, EventFeed feed, Webhooks webhooks, PersonalData personalData,
                      DeliverySettings settings) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.webhooks = webhooks;
        this.personalData = personalData;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** For tests that give host names their own addresses. */
    void resolveWith(WebhookAddress.Resolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || started) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poller"));
        loops = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), daemon("webhook-delivery"));
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        started = true;
    }

    @Override
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        poller.shutdownNow();
        loops.shutdownNow();
        try {
            loops.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jdbc.update("UPDATE webhook_delivery SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = ?",
                holder);
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Claims the webhooks that have something to deliver and are due, as many as there are free loops. */
    private void poll() {
        try {
            int free = settings.concurrency() - running.size();
            if (free <= 0) {
                return;
            }
            long head = feed.head();
            List<Claim> due = jdbc.query("""
                    SELECT d.owner_id, d.name, d.generation FROM webhook_delivery d
                    JOIN webhook w ON w.owner_id = d.owner_id AND w.name = d.name AND w.generation = d.generation
                    WHERE d.delivered_through < ? AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now())
                      AND (d.lease_until IS NULL OR d.lease_until < now())
                    ORDER BY d.next_attempt_at NULLS FIRST LIMIT ?""",
                    (row, n) -> new Claim(row.getString(1), row.getString(2), row.getLong(3)), head, free * 2);
            for (Claim claim : due) {
                if (running.size() < settings.concurrency() && !running.contains(claim) && claimed(claim)) {
                    running.add(claim);
                    loops.execute(() -> deliver(claim));
                }
            }
        } catch (RuntimeException e) {
            log.debug("Looking for webhooks to deliver failed; trying again", e);
        }
    }

    private boolean claimed(Claim claim) {
        return jdbc.update("""
                UPDATE webhook_delivery SET lease_holder = ?, lease_until = now() + make_interval(secs => ?)
                WHERE owner_id = ? AND name = ? AND generation = ?
                  AND (lease_until IS NULL OR lease_until < now())""", holder, seconds(settings.lease()),
                claim.ownerId(), claim.name(), claim.generation()) == 1;
    }

    private void deliver(Claim claim) {
        try {
            while (started && !Thread.currentThread().isInterrupted()) {
                var webhook = webhooks.findOne(claim.ownerId(), claim.name(), claim.generation());
                if (webhook.isEmpty() || !run(claim, webhook.get())) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Delivering webhook '{}' of {} stopped by {}; it is tried again at the next poll", claim.name(),
                    claim.ownerId(), e.getClass().getName());
        } finally {
            try {
                jdbc.update("UPDATE webhook_delivery SET lease_holder = NULL, lease_until = NULL" + WHERE_HELD,
                        claim.ownerId(), claim.name(), claim.generation(), holder);
            } finally {
                running.remove(claim);
            }
        }
    }

    /** Delivers one page of events; true when it delivered them all and there may be more. */
    private boolean run(Claim claim, WebhookRow webhook) {
        FeedPage page = feed.read(webhook.ownerId(), webhook.deliveredThrough(), BATCH, webhook::wants);
        if (page.items().isEmpty()) {
            advance(claim, page.next());
            return false;
        }
        String secret = personalData.readText(webhook.secret());
        if (secret == null || secret.isBlank() || Personal.ERASED.equals(secret)) {
            return false;  // the account's key is gone: its erasure removes the webhook
        }
        URI url;
        try {
            url = WebhookAddress.check(webhook.url(), settings.allowLoopback(), resolver);
        } catch (WebhookAddress.Refused refused) {
            failed(claim, webhook, page.items().get(0).position(), "refused: the url " + refused.getMessage());
            return false;
        }
        for (FeedItem item : page.items()) {
            String outcome = post(url, secret, item);
            if (outcome != null) {
                failed(claim, webhook, item.position(), outcome);
                return false;
            }
            if (!delivered(claim, item.position())) {
                return false;  // the lease was lost: another replica goes on from the stored position
            }
        }
        advance(claim, page.next());
        return true;
    }

    /** Null when the endpoint answered 2xx, else how it failed. */
    private String post(URI url, String secret, FeedItem item) {
        byte[] body;
        try {
            body = BODY.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed item is not JSON", e);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Rapport-Webhooks/1")
                .header("webhook-id", item.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signature.sign(secret, item.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "failed " + status;
        } catch (IOException e) {
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }

    private boolean delivered(Claim claim, long position) {
        return jdbc.update("""
                UPDATE webhook_delivery SET delivered_through = greatest(delivered_through, ?), last_position = ?,
                       last_status = 'delivered', last_at = now(), attempts = 0, failing_since = NULL,
                       failing = FALSE, next_attempt_at = NULL, lease_until = now() + make_interval(secs => ?)"""
                + WHERE_HELD, position, position, seconds(settings.lease()), claim.ownerId(), claim.name(),
                claim.generation(), holder) == 1;
    }

    private void advance(Claim claim, long next) {
        jdbc.update("UPDATE webhook_delivery SET delivered_through = greatest(delivered_through, ?)" + WHERE_HELD,
                next, claim.ownerId(), claim.name(), claim.generation(), holder);
    }

    private void failed(Claim claim, WebhookRow webhook, long position, String outcome) {
        int attempts = webhook.attempts() + 1;
        jdbc.update("""
                UPDATE webhook_delivery SET attempts = ?, failing_since = coalesce(failing_since, now()),
                       failing = coalesce(failing_since, now()) <= now() - make_interval(secs => ?),
                       next_attempt_at = now() + make_interval(secs => ?),
                       last_position = ?, last_status = ?, last_at = now()""" + WHERE_HELD,
                attempts, seconds(settings.failingAfter()), seconds(retryAfter(attempts)), position, outcome,
                claim.ownerId(), claim.name(), claim.generation(), holder);
    }

    /** The wait after the {@code attempts}-th failure in a row: the first retry, doubled each time, bounded. */
    Duration retryAfter(int attempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.longestRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : wait;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

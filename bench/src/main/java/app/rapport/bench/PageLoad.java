package app.rapport.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages as people use them, at the bench's scale: {@code clients} concurrent browsers, each
 * signed in (the form, a session cookie) as owners of the bulk-loaded journal, asking for Today,
 * the contact list, one contact and analytics at random. A page's time is the whole server-side
 * render: the pages' own calls to the API on loopback (Today reads the overdue view and the
 * calendar's interviews, a contact its detail, timeline and commitments, analytics three reports) and
 * the template. The target is p99 ≤ 50 ms.
 */
final class PageLoad {

    enum Page { TODAY, CONTACTS, CONTACT, ANALYTICS }

    record Result(Map<Page, Latencies> latency, Latencies all, long pages, long errors, double pagesPerSecond,
                  String firstError) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Pages per client before measuring: the templates are parsed and cached on first use. */
    private static final int WARM_UP = 8;

    private final String base;
    private final Consumer<String> out;

    PageLoad(String base, Consumer<String> out) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.out = out;
    }

    /** One signed-in browser: its own cookies, so its own session. */
    private final class Session {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        final String owner;

        Session(String owner) throws IOException, InterruptedException {
            this.owner = owner;
            HttpResponse<String> form = get("/login");
            Matcher token = CSRF.matcher(form.body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in form: " + form.statusCode());
            }
            String body = "username=" + URLEncoder.encode(owner, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(Users.PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String to = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || to.contains("/login")) {
                throw new IllegalStateException("sign-in of " + owner + " refused: " + signedIn.statusCode() + " " + to);
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    Result run(Map<String, List<UUID>> contactsOf, int clients, Duration duration, Duration progressEvery)
            throws Exception {
        List<String> owners = new ArrayList<>(contactsOf.keySet());
        List<List<Session>> sessions = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            sessions.add(new ArrayList<>());
        }
        long warm = System.nanoTime();
        RawBaseline.runOnThreads(clients, client -> {
            Random random = new Random(4_000 + client);
            try {
                for (int i = client; i < owners.size(); i += clients) {
                    sessions.get(client).add(new Session(owners.get(i)));
                }
                for (int i = 0; i < WARM_UP && !sessions.get(client).isEmpty(); i++) {
                    Session session = sessions.get(client).get(random.nextInt(sessions.get(client).size()));
                    session.get(path(Page.values()[i % Page.values().length], contactsOf.get(session.owner), random));
                }
            } catch (IOException | InterruptedException failed) {
                throw new IllegalStateException(failed);
            }
        });
        out.accept(String.format("  pages: %d owners signed in with the form and %d pages to warm up in %.1f s",
                owners.size(), clients * WARM_UP, (System.nanoTime() - warm) / 1e9));
        Map<Page, Latencies> latency = new EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            latency.put(page, new Latencies());
        }
        Latencies all = new Latencies();
        Answers answers = new Answers("pages", progressEvery, out);
        long deadline = answers.deadline(duration);
        RawBaseline.runOnThreads(clients, client -> {
            Random random = new Random(5_000 + client);
            List<Session> mine = sessions.get(client);
            while (!mine.isEmpty() && System.nanoTime() < deadline) {
                Session session = mine.get(random.nextInt(mine.size()));
                Page page = Page.values()[random.nextInt(Page.values().length)];
                String path = path(page, contactsOf.get(session.owner), random);
                long t0 = System.nanoTime();
                int status;
                String body;
                try {
                    HttpResponse<String> answer = session.get(path);
                    status = answer.statusCode();
                    body = answer.body();
                } catch (IOException | InterruptedException failed) {
                    status = -1;
                    body = failed.toString();
                }
                long t1 = System.nanoTime();
                latency.get(page).add(t1 - t0);
                all.add(t1 - t0);
                answers.add(client, path, status, body, true, t1);
            }
        });
        return new Result(latency, all, answers.counted(), answers.errors(), answers.perSecond(), answers.firstError());
    }

    private static String path(Page page, List<UUID> contacts, Random random) {
        return switch (page) {
            case TODAY -> "/";
            case CONTACTS -> "/contacts";
            case CONTACT -> "/contacts/" + contacts.get(random.nextInt(contacts.size()));
            case ANALYTICS -> "/analytics";
        };
    }

    /**
     * The step as Benchmark runs it: the figures {@code pages_p50_ms}, {@code pages_p99_ms} (target
     * ≤ 50), per page {@code page_<name>_p99_ms}, {@code pages_per_s} and {@code page_errors}.
     */
    static void step(String base, Map<String, List<UUID>> contactsOf, Settings settings, Map<String, Object> figures,
                     Consumer<String> out) throws Exception {
        out.accept(String.format("Pages: %d clients, %d owners signed in with the form, for %d s", settings.clients(),
                contactsOf.size(), settings.queryDuration().toSeconds()));
        Result result = new PageLoad(base, out).run(contactsOf, settings.clients(), settings.queryDuration(),
                settings.progressEvery());
        figures.put("pages_p50_ms", Math.round(result.all().percentileMillis(50) * 100) / 100.0);
        figures.put("pages_p99_ms", Math.round(result.all().percentileMillis(99) * 100) / 100.0);
        figures.put("pages_per_s", Math.round(result.pagesPerSecond() * 10) / 10.0);
        figures.put("page_errors", result.errors());
        for (Page page : Page.values()) {
            figures.put("page_" + page.name().toLowerCase() + "_p99_ms",
                    Math.round(result.latency().get(page).percentileMillis(99) * 100) / 100.0);
        }
        out.accept(String.format("  p50 %.1f ms, p99 %.1f ms (target <= 50), %.0f pages/s, %d errors",
                result.all().percentileMillis(50), result.all().percentileMillis(99), result.pagesPerSecond(),
                result.errors()));
        if (result.firstError() != null) {
            out.accept("  first page error: " + result.firstError());
        }
    }
}

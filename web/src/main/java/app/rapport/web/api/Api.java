package app.rapport.web.api;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.rapport.web.WebProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages' only way into the journal: the HTTP API, commands to the command side and queries to
 * the query side, as the signed-in person ({@link Caller}). Answers stay JSON maps: the pages show
 * what the API says, so a field the API gains needs no second model kept in step here.
 */
@Component
public class Api {

    /** Enough for a few pages' queries at once; more would only queue on the API's two cores. */
    private static final int READERS = 16;
    /** The readers' calls and the request threads' own (commands, sign-in checks, downloads), kept alive. */
    private static final int CONNECTIONS = 64;
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final CloseableHttpClient connections;
    private final RestClient http;
    private final WebProperties properties;
    private final Environment environment;
    private final Caller caller;
    private final ObjectMapper json;
    /** The threads a page's queries run on together; daemons, so they never hold the JVM up. */
    private final ExecutorService together = Executors.newFixedThreadPool(READERS, runnable -> {
        Thread thread = new Thread(runnable, "rapport-pages-api");
        thread.setDaemon(true);
        return thread;
    });

    Api(WebProperties properties, Environment environment, Caller caller, ObjectMapper json) {
        // A pool of kept-alive connections, one blocking call per thread. The JDK's HttpClient,
        // used before, completed each answer on a new thread on two cores (its CompletableFutures
        // fall back to a thread per task when the common pool has one thread): a thread per API call,
        // about 4 650 in a 14 s page step of the bench.
        Timeout timeout = Timeout.of(properties.timeout());
        this.connections = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout).build())
                // each call carries its person's credentials: nothing one answer sets may reach another's call
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAuthCaching()
                .build();
        this.http = RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(connections)).build();
        this.properties = properties;
        this.environment = environment;
        this.caller = caller;
        this.json = json;
    }

    @PreDestroy
    void close() throws IOException {
        together.shutdownNow();
        connections.close();
    }

    /** One query of a page: a path and its parameters. */
    public record Read(String path, Map<String, ?> parameters) {
    }

    /** A query as the signed-in person; parameters without a value are left out. */
    public Map<String, Object> get(String path, Map<String, ?> parameters) {
        return get(caller.authorization(), path, parameters);
    }

    /**
     * Several queries of one page at once, answered in their order: a page waits for its slowest
     * query rather than for the sum of them. The first refusal is the page's.
     */
    public List<Map<String, Object>> getAll(List<Read> reads) {
        String authorization = caller.authorization();
        if (reads.size() == 1) {
            return List.of(get(authorization, reads.get(0).path(), reads.get(0).parameters()));
        }
        List<Future<Map<String, Object>>> answers = new ArrayList<>();
        for (Read read : reads) {
            answers.add(together.submit(() -> get(authorization, read.path(), read.parameters())));
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (Future<Map<String, Object>> answer : answers) {
            try {
                all.add(answer.get());
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof RuntimeException refusal) {
                    throw refusal;
                }
                throw new IllegalStateException(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw ApiRefusal.unreachable("interrupted");
            }
        }
        return all;
    }

    /** The {@code items} of a list answer. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> itemsOf(Map<String, Object> answer) {
        Object items = answer.get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private Map<String, Object> get(String authorization, String path, Map<String, ?> parameters) {
        return call(() -> http.get().uri(uri(queryBase(), path, parameters))
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse)
                .body(OBJECT));
    }

    /** A list query: its {@code items}. */
    public List<Map<String, Object>> items(String path, Map<String, ?> parameters) {
        return itemsOf(get(path, parameters));
    }

    /** A command as the signed-in person; a null body sends none. Answers the API's JSON, empty if none. */
    public Map<String, Object> send(HttpMethod method, String path, Map<String, Object> body) {
        return send(method, path, Map.of(), body);
    }

    /** A command with query parameters (the account's erasure is confirmed by one). */
    public Map<String, Object> send(HttpMethod method, String path, Map<String, ?> parameters,
                                    Map<String, Object> body) {
        return call(() -> {
            RestClient.RequestBodySpec request = http.method(method).uri(uri(commandBase(), path, parameters))
                    .header(HttpHeaders.AUTHORIZATION, caller.authorization())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            Map<String, Object> answer = request.retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(OBJECT);
            return answer == null ? Map.of() : answer;
        });
    }

    /** A file sent as the body, as the import takes it. */
    public Map<String, Object> upload(String path, Map<String, ?> parameters, byte[] file, MediaType type) {
        return call(() -> http.post().uri(uri(commandBase(), path, parameters))
                .header(HttpHeaders.AUTHORIZATION, caller.authorization())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(type).body(file)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(OBJECT));
    }

    /** A file the query side writes (the exports, the template), handed on as it came. */
    public ResponseEntity<byte[]> download(String path) {
        return call(() -> http.get().uri(uri(queryBase(), path, Map.of()))
                .header(HttpHeaders.AUTHORIZATION, caller.authorization())
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).toEntity(byte[].class));
    }

    /**
     * Whether the API takes these credentials: the sign-in form's check, by a cheap query that
     * needs them. Answers the API's status (200, 401, or 429 when it throttles failed sign-ins).
     */
    public int check(String authorization) {
        return call(() -> http.get().uri(uri(queryBase(), "/api/mentees", Map.of("size", 1)))
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> response.getStatusCode().value()));
    }

    private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Map<String, String> errors = new LinkedHashMap<>();
        String title = response.getStatusText();
        String detail = "";
        try {
            JsonNode problem = json.readTree(response.getBody());
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText("");
                for (JsonNode error : problem.path("errors")) {
                    // a field's problem, or an import's row problem ({row, field, problem})
                    String field = error.has("row") ? "row " + error.path("row").asText() + ", "
                            + error.path("field").asText() : error.path("field").asText();
                    errors.put(field, error.has("problem") ? error.path("problem").asText()
                            : error.path("message").asText());
                }
            }
        } catch (IOException notAProblemDocument) {
            // the status alone says enough
        }
        throw status >= 500 ? ApiRefusal.unreachable(status + " " + title)
                : new ApiRefusal(status, title, detail, errors);
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException unreachable) {
            throw ApiRefusal.unreachable(unreachable.getMessage());
        }
    }

    private URI uri(URI base, String path, Map<String, ?> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(base).path(path);
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUri();
    }

    private URI commandBase() {
        return properties.commandUrl() != null ? properties.commandUrl() : thisProcess();
    }

    private URI queryBase() {
        return properties.queryUrl() != null ? properties.queryUrl() : thisProcess();
    }

    /** The standalone app: the API is this very server, reached on loopback at the port it got. */
    private URI thisProcess() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String address = environment.getProperty("server.address", "127.0.0.1");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        return URI.create("http://" + host + ":" + port);
    }
}

package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import app.rapport.command.reliability.Endpoints.Endpoint;
import app.rapport.platform.PlatformProperties;
import app.rapport.testsupport.TestUsers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bounds on what one request may carry: the body size (413), and every length, count and
 * range a request record declares, each tried at its edge (accepted) and one past it (400 naming
 * the field). The log lists them all, for the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceBoundsTest {

    private static final Logger log = LoggerFactory.getLogger(ResourceBoundsTest.class);

    @Autowired
    ApplicationContext app;
    @Autowired
    PlatformProperties properties;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Api api;
    Journal journal;
    int limit;

    @BeforeEach
    void client() {
        api = Api.of(app, TestUsers.DEMO);
        journal = new Journal(api);
        limit = (int) properties.http().maxBodySize().toBytes();
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsTooLarge() {
        Answer atLimit = api.post("/api/contacts", paddedTo(limit));
        Answer overLimit = api.post("/api/contacts", paddedTo(limit + 1));

        log.info("Body limit {} bytes: a body of {} bytes answered {}, of {} bytes {}", limit, limit,
                atLimit.outcome(), limit + 1, overLimit.outcome());
        assertThat(atLimit.status()).as("%s", atLimit).isEqualTo(201);
        assertThat(overLimit.status()).isEqualTo(413);
        assertThat(overLimit.problemType()).isEqualTo("body-too-large");
    }

    @Test
    void aChunkedBodyThatOutgrowsTheLimitIsTooLarge() {
        byte[] body = paddedTo(limit * 4).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(api.base().resolve("/api/contacts"))
                .header("Authorization", api.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        Answer answer = api.send("POST /api/contacts (chunked, " + body.length + " bytes)", chunked);

        log.info("A chunked body of {} bytes, no Content-Length: {}", body.length, answer.outcome());
        assertThat(answer.status()).as("%s", answer).isEqualTo(413);
        assertThat(answer.problemType()).isEqualTo("body-too-large");
    }

    @Test
    void theNamedListAndTextLimitsAreEnforced() {
        UUID contact = journal.addContact("Bounded");
        UUID interview = journal.requestInterview(contact);
        String prepare = Journal.interview(contact, interview) + "/preparation";

        assertRefused(api.post(prepare, "{\"questions\":%s}".formatted(strings(51, 10))), "questions");
        assertRefused(api.post(prepare, "{\"questions\":[]}"), "questions");
        assertRefused(api.post(prepare, "{\"questions\":[\"%s\"]}".formatted("q".repeat(501))), "questions");
        assertRefused(api.send("PUT", "/api/profile", "{\"displayName\":\"Me\",\"interests\":%s}"
                .formatted(strings(21, 10)), null), "interests");
        assertRefused(api.send("PUT", "/api/profile", "{\"displayName\":\"Me\",\"interests\":[\"%s\"]}"
                .formatted("i".repeat(101)), null), "interests");
        assertRefused(api.post("/api/contacts", "{\"name\":\"%s\",\"source\":\"COLD\"}".formatted("n".repeat(201))),
                "name");
        assertThat(api.send("PUT", "/api/profile", "{\"displayName\":\"Me\",\"interests\":%s}"
                .formatted(strings(20, 100)), null).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/mentors/" + "m".repeat(100), null, null).status()).isEqualTo(200);
        assertRefused(api.send("PUT", "/api/mentors/" + "m".repeat(101), null, null), "username");
        log.info("Refused with 400: 51 or 0 questions, a question of 501 characters, 21 interests, an interest of "
                + "101 characters, a name of 201 characters, a mentor's username of 101 characters");
    }

    @Test
    void everyDeclaredLimitHoldsAtItsEdgeAndRefusesOnePastIt() {
        List<String> table = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.commandsOf(mapping).all()) {
            if (endpoint.body() == null) {
                continue;
            }
            String path = endpoint.path(Map.of("contactId", UUID.randomUUID().toString(),
                    "interviewId", UUID.randomUUID().toString(), "entryId", UUID.randomUUID().toString(),
                    "commitmentId", UUID.randomUUID().toString(), "username", TestUsers.MENTOR,
                    "name", "probe"));
            for (Bound bound : boundsOf(endpoint.body())) {
                Answer atEdge = api.send(endpoint.method(), path, withField(endpoint.body(), bound.field(),
                        bound.atEdge()), null);
                Answer pastEdge = api.send(endpoint.method(), path, withField(endpoint.body(), bound.field(),
                        bound.pastEdge()), null);
                table.add("%-66s %-18s %s".formatted(endpoint, bound.field(), bound.rule()));
                if (atEdge.status() == 400 || atEdge.status() >= 413) {
                    wrong.add(endpoint + " " + bound.field() + " at its edge (" + bound.rule() + "): " + atEdge);
                }
                boolean named = fieldsOf(pastEdge).stream().anyMatch(f -> f.startsWith(bound.field()));
                if (pastEdge.status() != 400 || !named) {
                    wrong.add(endpoint + " " + bound.field() + " past its edge (" + bound.rule() + "): " + pastEdge);
                }
            }
        }
        log.info("Limits enforced on request bodies (each accepted at its edge, refused with 400 one past it):\n  {}",
                String.join("\n  ", table));
        wrong.forEach(failure -> log.info("Limit not enforced: {}", failure));
        assertThat(wrong).isEmpty();
        assertThat(table).hasSizeGreaterThan(30);
    }

    /** One declared bound of a field: its rule in words and JSON values at and one past its edge. */
    record Bound(String field, String rule, String atEdge, String pastEdge) {
    }

    static List<Bound> boundsOf(Class<?> type) {
        List<Bound> bounds = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            Size size = Bodies.annotation(component, Size.class);
            Min min = Bodies.annotation(component, Min.class);
            Max max = Bodies.annotation(component, Max.class);
            if (component.getType() == String.class && size != null) {
                boolean email = Bodies.annotation(component, Email.class) != null;
                bounds.add(new Bound(name, "at most " + size.max() + " characters",
                        quote(email ? emailOf(size.max()) : "x".repeat(size.max())),
                        quote(email ? emailOf(size.max() + 1) : "x".repeat(size.max() + 1))));
            }
            if (Collection.class.isAssignableFrom(component.getType()) && size != null && holdsIds(component)) {
                bounds.add(new Bound(name, size.min() + " to " + size.max() + " ids",
                        ids(size.max()), ids(size.max() + 1)));
            } else if (Collection.class.isAssignableFrom(component.getType()) && size != null) {
                bounds.add(new Bound(name, size.min() + " to " + size.max() + " items",
                        strings(size.max(), 1), strings(size.max() + 1, 1)));
                if (size.min() > 0) {
                    bounds.add(new Bound(name, "at least " + size.min() + " item", strings(size.min(), 1), "[]"));
                }
                Size element = Bodies.elementAnnotation(component, Size.class);
                if (element != null) {
                    bounds.add(new Bound(name, "each at most " + element.max() + " characters",
                            strings(1, element.max()), strings(1, element.max() + 1)));
                }
            }
            if (min != null) {
                bounds.add(new Bound(name, "at least " + min.value(), String.valueOf(min.value()),
                        String.valueOf(min.value() - 1)));
            }
            if (max != null) {
                bounds.add(new Bound(name, "at most " + max.value(), String.valueOf(max.value()),
                        String.valueOf(max.value() + 1)));
            }
        }
        return bounds;
    }

    private static String withField(Class<?> type, String field, String json) {
        Map<String, String> fields = new LinkedHashMap<>(Bodies.baseline(type));
        fields.put(field, json);
        return Bodies.json(fields);
    }

    /** A valid AddContact body padded with an unknown field to exactly {@code size} bytes. */
    private static String paddedTo(int size) {
        String head = "{\"name\":\"Padded\",\"source\":\"COLD\",\"padding\":\"";
        String tail = "\"}";
        return head + "p".repeat(size - head.length() - tail.length()) + tail;
    }

    /** An address of exactly {@code length} characters that is otherwise valid (64-character local part). */
    static String emailOf(int length) {
        String local = "a".repeat(64);
        int domain = length - local.length() - 1;
        StringBuilder host = new StringBuilder();
        while (domain - host.length() > 63 + 1 + 2) {
            host.append("b".repeat(63)).append('.');
        }
        host.append("c".repeat(domain - host.length() - 4)).append(".org");
        return local + "@" + host;
    }

    private static boolean holdsIds(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == UUID.class;
    }

    private static String ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> quote(UUID.randomUUID().toString()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String strings(int count, int length) {
        return IntStream.range(0, count).mapToObj(i -> quote(("s" + i + "x".repeat(length)).substring(0, length)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(Answer answer) {
        Object errors = answer.json().get("errors");
        return errors == null ? List.of() : ((List<Map<String, Object>>) errors).stream()
                .map(error -> String.valueOf(error.get("field"))).toList();
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(fieldsOf(answer)).as("%s", answer).anyMatch(f -> f.startsWith(field));
    }
}

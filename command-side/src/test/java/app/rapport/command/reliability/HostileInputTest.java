package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import app.rapport.command.reliability.Bodies.Hostile;
import app.rapport.command.reliability.Endpoints.Endpoint;
import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed input on every command endpoint Spring MVC maps: wrong types, nulls, huge strings and
 * numbers, deep nesting, bad ids and dates, unknown enum values, control characters, broken JSON,
 * hostile path segments and headers. Every answer is a 4xx problem document, nothing is stored,
 * and the server goes on answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    /** Change with -Drapport.fuzz.seed=… to replay or widen the random part. */
    static final long SEED = Long.getLong("rapport.fuzz.seed", 20260304L);
    static final int RANDOM_BODIES_PER_ENDPOINT = 12;
    private static final Logger log = LoggerFactory.getLogger(HostileInputTest.class);

    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Api api;
    Journal journal;
    EventRows events;
    Endpoints endpoints;

    @BeforeEach
    void client() {
        api = Api.of(app, TestUsers.DEMO);
        journal = new Journal(api);
        events = new EventRows(jdbc);
        endpoints = Endpoints.commandsOf(mapping);
    }

    @Test
    void everyCommandEndpointIsFound() {
        log.info("Command endpoints found in Spring MVC: {}", endpoints.all());
        assertThat(endpoints.all()).hasSizeGreaterThanOrEqualTo(17)
                .extracting(Endpoint::toString)
                .contains("POST /api/contacts", "PATCH /api/contacts/{contactId}",
                        "POST /api/contacts/{contactId}/interviews/{interviewId}/thank-you", "PUT /api/profile",
                        "DELETE /api/mentors/{username}");
    }

    @Test
    void baselineBodiesPassValidationSoEachHostileOneIsRefusedForItsOwnFault() {
        for (Endpoint endpoint : endpoints.all()) {
            if (endpoint.body() == null) {
                continue;
            }
            Answer answer = send(endpoint, paths(UUID.randomUUID(), UUID.randomUUID()),
                    Bodies.json(Bodies.baseline(endpoint.body())).getBytes(StandardCharsets.UTF_8), json());
            assertThat(answer.status()).as("the baseline of %s must pass validation: %s", endpoint, answer)
                    .isNotIn(400, 413, 415).isLessThan(500);
        }
    }

    @Test
    void everyHostileRequestIsA4xxProblemAndStoresNothing() {
        UUID contact = journal.addContact("Target Of Hostile Input");
        UUID interview = journal.requestInterview(contact);
        Map<String, String> paths = paths(contact, interview);
        long before = events.total();

        List<Answer> answers = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, String> examples = new TreeMap<>();
        for (Endpoint endpoint : endpoints.all()) {
            for (Probe probe : hostileRequests(endpoint, paths)) {
                Answer answer = api.sendBytes(endpoint.method(), probe.path(), probe.body(), probe.headers());
                answers.add(answer);
                examples.putIfAbsent(answer.outcome(), endpoint + " with " + probe.why());
                String problem = problemWith(answer);
                if (problem != null) {
                    wrong.add(endpoint + " with " + probe.why() + ": " + problem + " — " + answer);
                }
            }
        }
        long stored = events.total() - before;

        log.info("Hostile input: {} requests over {} endpoints answered {}; events stored by them: {}",
                answers.size(), endpoints.all().size(), Race.tally(answers), stored);
        examples.forEach((outcome, example) -> log.info("  {}, e.g. {}", outcome, example));
        wrong.forEach(failure -> log.info("Refused wrongly: {}", failure));
        assertThat(wrong).isEmpty();
        assertThat(stored).isZero();
        assertTheServerStillAnswers(contact);
    }

    @Test
    void randomlyCorruptedBodiesNeverFailTheServer() {
        UUID contact = journal.addContact("Target Of Random Input");
        UUID interview = journal.requestInterview(contact);
        Map<String, String> paths = paths(contact, interview);
        Random random = new Random(SEED);

        List<Answer> answers = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints.all()) {
            if (endpoint.body() == null) {
                continue;
            }
            String baseline = Bodies.json(Bodies.baseline(endpoint.body()));
            for (int i = 0; i < RANDOM_BODIES_PER_ENDPOINT; i++) {
                String corrupted = corrupt(baseline, random);
                Answer answer = send(endpoint, paths, corrupted.getBytes(StandardCharsets.UTF_8), json());
                answers.add(answer);
                if (answer.status() >= 500 || (answer.status() >= 400 && problemWith(answer) != null)) {
                    wrong.add(endpoint + " with " + corrupted + ": " + answer);
                }
            }
        }

        log.info("Random corruption (seed {}): {} requests answered {}", SEED, answers.size(), Race.tally(answers));
        wrong.forEach(failure -> log.info("Failed on random input: {}", failure));
        assertThat(wrong).isEmpty();
        assertTheServerStillAnswers(contact);
    }

    /** One hostile request: what is wrong with it, and exactly what is sent. */
    record Probe(String why, String path, byte[] body, Map<String, String> headers) {
    }

    private static List<Probe> hostileRequests(Endpoint endpoint, Map<String, String> paths) {
        List<Probe> probes = new ArrayList<>();
        String path = endpoint.path(paths);
        byte[] valid = endpoint.body() == null ? null
                : Bodies.json(Bodies.baseline(endpoint.body())).getBytes(StandardCharsets.UTF_8);
        if (endpoint.body() != null) {
            List<Hostile> bodies = new ArrayList<>(Bodies.shapes(endpoint.body(), endpoint.bodyRequired()));
            bodies.addAll(Bodies.fields(endpoint.body()));
            bodies.forEach(hostile -> probes.add(new Probe(hostile.why(), path, hostile.json(), json())));
            for (String contentType : List.of("text/plain", "application/xml", "application/json; charset=klingon")) {
                probes.add(new Probe("Content-Type " + contentType, path, valid, Map.of("Content-Type", contentType)));
            }
            probes.add(new Probe("no Content-Type", path, valid, Map.of()));
        }
        if (endpoint.ifMatch()) {
            for (String ifMatch : List.of("yesterday", "\"-1\"", "99999999999999999999", "W/", "*", "\"1\", \"2\"")) {
                Map<String, String> headers = new LinkedHashMap<>(json());
                headers.put("If-Match", ifMatch);
                probes.add(new Probe("If-Match " + ifMatch, path, valid, headers));
            }
        }
        for (Map.Entry<String, Class<?>> variable : endpoint.pathVariables().entrySet()) {
            for (String bad : badPathValues(variable.getValue())) {
                Map<String, String> hostilePaths = new LinkedHashMap<>(paths);
                hostilePaths.put(variable.getKey(), bad);
                probes.add(new Probe(variable.getKey() + " = " + abbreviate(bad), endpoint.path(hostilePaths), valid,
                        valid == null ? Map.of() : json()));
            }
        }
        return probes;
    }

    private static List<String> badPathValues(Class<?> type) {
        if (type == UUID.class) {
            return List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g", "x".repeat(1000), "%00",
                    "%2F", "..%2F..", "%E2%82", "%20", "null");
        }
        return List.of("a%20b", "x".repeat(101), "%00", "..", "%2F", "%C3%BC", "%E2%82", "a;b");
    }

    private Answer send(Endpoint endpoint, Map<String, String> paths, byte[] body, Map<String, String> headers) {
        return api.sendBytes(endpoint.method(), endpoint.path(paths), body, headers);
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private static Map<String, String> paths(UUID contact, UUID interview) {
        return Map.of("contactId", contact.toString(), "interviewId", interview.toString(),
                "entryId", UUID.randomUUID().toString(), "commitmentId", UUID.randomUUID().toString(),
                "username", TestUsers.MENTOR, "name", "probe");
    }

    /** What is wrong with an answer to a hostile request, or null if it is a proper refusal. */
    private static String problemWith(Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (!answer.isProblem()) {
            return "not a problem document";
        }
        Map<String, Object> problem = answer.json();
        if (problem.get("type") == null || problem.get("title") == null
                || !Integer.valueOf(answer.status()).equals(problem.get("status"))) {
            return "a problem document without type, title and status";
        }
        return null;
    }

    private void assertTheServerStillAnswers(UUID contact) {
        Journal.expect(api.post("/api/contacts", "{\"name\":\"Still Here\",\"source\":\"COLD\"}"), 201);
        Journal.expect(api.send("PATCH", Journal.contact(contact), "{\"role\":\"still answering\"}", null), 200);
        assertThat(api.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private static final String[] SPLICES = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\\u0000", "\u0000", "\u0001",
            "\u007f", "\uFFFF", "\uD83D\uDE00", "null", "1e400", "-", "99999999999999999999", "\"\\uD800\"", "NaN",
            "[[[[[[[[[[", "}}}}}", "true", "\"\"", " ", "\t", "\n"};

    /** A body changed the way networks, buggy clients and attackers change them. */
    private static String corrupt(String body, Random random) {
        StringBuilder text = new StringBuilder(body);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.setLength(Math.min(at, text.length()));
                case 1 -> text.insert(at, SPLICES[random.nextInt(SPLICES.length)]);
                case 2 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                default -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(8));
                    text.replace(at, end, SPLICES[random.nextInt(SPLICES.length)]);
                }
            }
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
    }
}

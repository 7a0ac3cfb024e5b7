package app.rapport.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import app.rapport.standalone.StandaloneApplication;
import app.rapport.testsupport.TestUsers;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.BeforeAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint's real answers, successes and refusals alike, are what the description says:
 * each request and its answer (status, media type, headers, body) is validated against the
 * description the same app serves, with Atlassian's swagger-request-validator. The requests keep
 * one journal through its whole life, and the test fails if an operation of the description was
 * never exercised, so a new endpoint cannot go unchecked.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = TestUsers.ALICE;
    private static final Instant DAYS_AGO = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final Set<String> exercised = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();
    private OpenApiInteractionValidator validator;
    private OpenAPI description;

    @BeforeAll
    void readTheDescription() throws Exception {
        String text = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(text).build();
        description = new OpenAPIParser().readContents(text, null, null).getOpenAPI();
    }

    @Test
    void everyAnswerOfEveryEndpointIsAsDescribed() throws Exception {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID followUp = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        String c = "/api/contacts/" + contact;
        String i = c + "/interviews/" + interview;

        // refusals first: nothing is known yet
        call(null, "GET", "/api/contacts", "/api/contacts", null, null, 401);
        call(ME, "GET", c, "/api/contacts/{contactId}", null, null, 404);
        call(ME, "POST", "/api/contacts", "/api/contacts", "application/json", "{\"name\":\"\"}", 400);

        call(ME, "PUT", "/api/profile", "/api/profile", "application/json",
                "{\"displayName\":\"Alice\",\"school\":\"Library school\",\"interests\":[\"archives\"]}", 200);
        JsonNode added = call(ME, "POST", "/api/contacts", "/api/contacts", "application/json", """
                {"contactId":"%s","name":"Ada Lovelace","organization":"Analytical Engines","source":"EVENT",
                 "preferredChannel":"EMAIL","email":"ada@example.org","at":"%s"}""".formatted(contact, at(0)), 201);
        call(ME, "PATCH", c, "/api/contacts/{contactId}", "application/json", "{\"role\":\"Curator\"}", 200);
        call(ME, "PUT", c + "/cadence", "/api/contacts/{contactId}/cadence", "application/json", "{\"days\":30}", 200);

        call(ME, "POST", c + "/interviews", "/api/contacts/{contactId}/interviews", "application/json", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":20,"purpose":"careers in archives","at":"%s"}"""
                .formatted(interview, at(1)), 201);
        call(ME, "POST", c + "/interviews", "/api/contacts/{contactId}/interviews", "application/json",
                "{\"channel\":\"EMAIL\",\"durationMinutes\":5,\"purpose\":\"too short\"}", 400);
        call(ME, "POST", i + "/hold", "/api/contacts/{contactId}/interviews/{interviewId}/hold", "application/json",
                "{\"heldAt\":\"" + at(2) + "\",\"actualMinutes\":20}", 409);
        call(ME, "POST", i + "/nudge", "/api/contacts/{contactId}/interviews/{interviewId}/nudge", "application/json",
                "{\"channel\":\"EMAIL\",\"at\":\"" + at(10) + "\"}", 200);
        call(ME, "POST", i + "/response", "/api/contacts/{contactId}/interviews/{interviewId}/response",
                "application/json", "{\"outcome\":\"ACCEPTED\",\"at\":\"" + at(11) + "\"}", 200);
        call(ME, "POST", i + "/schedule", "/api/contacts/{contactId}/interviews/{interviewId}/schedule",
                "application/json", "{\"scheduledFor\":\"" + at(30) + "\",\"mode\":\"VIDEO\",\"at\":\"" + at(12) + "\"}",
                200);
        call(ME, "POST", i + "/preparation", "/api/contacts/{contactId}/interviews/{interviewId}/preparation",
                "application/json", "{\"questions\":[\"How did you start?\"],\"at\":\"" + at(13) + "\"}", 200);
        call(ME, "POST", i + "/hold", "/api/contacts/{contactId}/interviews/{interviewId}/hold", "application/json", """
                {"heldAt":"%s","actualMinutes":25,"checklist":{"thankedAtStart":true,"introducedSelf":true,
                 "askedForReferrals":true,"thankedAtEnd":true}}""".formatted(at(30)), 200);
        call(ME, "POST", i + "/thank-you", "/api/contacts/{contactId}/interviews/{interviewId}/thank-you",
                "application/json", "{\"channel\":\"EMAIL\",\"at\":\"" + at(31) + "\"}", 200);
        call(ME, "POST", c + "/follow-ups", "/api/contacts/{contactId}/follow-ups", "application/json", """
                {"followUpId":"%s","kind":"ADVICE_TAKEN","channel":"EMAIL","note":"read the book","at":"%s"}"""
                .formatted(followUp, at(40)), 201);
        JsonNode inquired = call(ME, "POST", c + "/job-inquiries", "/api/contacts/{contactId}/job-inquiries",
                "application/json", "{\"note\":\"openings next spring?\",\"at\":\"" + at(41) + "\"}", 201);
        String inquiry = c + "/job-inquiries/" + inquired.get("inquiryId").asText();
        call(ME, "POST", c + "/commitments", "/api/contacts/{contactId}/commitments", "application/json",
                "{\"commitmentId\":\"" + kept + "\",\"promise\":\"send the article\",\"at\":\"" + at(42) + "\"}", 201);
        call(ME, "POST", c + "/commitments/" + kept + "/kept",
                "/api/contacts/{contactId}/commitments/{commitmentId}/kept", "application/json", "{}", 200);
        call(ME, "POST", c + "/commitments", "/api/contacts/{contactId}/commitments", "application/json",
                "{\"commitmentId\":\"" + dropped + "\",\"promise\":\"introduce Grace\",\"at\":\"" + at(43) + "\"}", 201);
        call(ME, "POST", c + "/commitments/" + dropped + "/dropped",
                "/api/contacts/{contactId}/commitments/{commitmentId}/dropped", "application/json",
                "{\"reason\":\"Grace moved away\"}", 200);
        call(ME, "POST", c + "/interviews", "/api/contacts/{contactId}/interviews", "application/json", """
                {"interviewId":"%s","channel":"PHONE","durationMinutes":30,"purpose":"a second view","at":"%s"}"""
                .formatted(cancelled, at(44)), 201);
        call(ME, "POST", c + "/interviews/" + cancelled + "/cancel",
                "/api/contacts/{contactId}/interviews/{interviewId}/cancel", "application/json",
                "{\"reason\":\"they are travelling\"}", 200);

        JsonNode referred = call(ME, "POST", c + "/referrals", "/api/contacts/{contactId}/referrals",
                "application/json", "{\"name\":\"Grace Hopper\"}", 201);
        UUID other = UUID.randomUUID();
        call(ME, "POST", "/api/contacts", "/api/contacts", "application/json",
                "{\"contactId\":\"" + other + "\",\"name\":\"Charles Babbage\",\"source\":\"COLD\"}", 201);
        call(ME, "POST", c + "/referrals/links", "/api/contacts/{contactId}/referrals/links", "application/json",
                "{\"referredContactId\":\"" + other + "\"}", 200);
        call(ME, "POST", "/api/contacts/" + other + "/archive", "/api/contacts/{contactId}/archive", null, null, 200);
        call(ME, "POST", "/api/contacts/" + other + "/restore", "/api/contacts/{contactId}/restore", null, null, 200);
        JsonNode erased = call(ME, "POST", "/api/contacts/" + referred.get("contactId").asText() + "/erasure",
                "/api/contacts/{contactId}/erasure", "application/json", "{\"reason\":\"asked to be forgotten\"}", 200);

        long position = erased.get("position").asLong();
        String consistent = "?consistentWith=" + position;
        call(ME, "GET", "/api/contacts" + consistent + "&q=ada", "/api/contacts", null, null, 200);
        assertThat(added.get("contactId").asText()).isEqualTo(contact.toString());
        call(ME, "GET", c + consistent, "/api/contacts/{contactId}", null, null, 200);
        call(ME, "GET", i + consistent, "/api/contacts/{contactId}/interviews/{interviewId}", null, null, 200);
        call(ME, "GET", c + "/interviews/" + UUID.randomUUID(), "/api/contacts/{contactId}/interviews/{interviewId}",
                null, null, 404);
        call(ME, "GET", "/api/interviews/scheduled" + consistent, "/api/interviews/scheduled", null, null, 200);
        call(ME, "GET", c + "/follow-ups/" + followUp + consistent, "/api/contacts/{contactId}/follow-ups/{followUpId}",
                null, null, 200);
        call(ME, "GET", c + "/commitments/" + kept + consistent, "/api/contacts/{contactId}/commitments/{commitmentId}",
                null, null, 200);
        call(ME, "GET", c + "/commitments/" + UUID.randomUUID(), "/api/contacts/{contactId}/commitments/{commitmentId}",
                null, null, 404);
        call(ME, "GET", inquiry + consistent, "/api/contacts/{contactId}/job-inquiries/{inquiryId}", null, null, 200);
        call(ME, "GET", c + "/job-inquiries/" + UUID.randomUUID(), "/api/contacts/{contactId}/job-inquiries/{inquiryId}",
                null, null, 404);
        JsonNode timeline = call(ME, "GET", c + "/timeline" + consistent, "/api/contacts/{contactId}/timeline",
                null, null, 200);
        call(ME, "GET", c + "/commitments" + consistent, "/api/contacts/{contactId}/commitments", null, null, 200);
        call(ME, "GET", c + "/drafts/follow-up?interviewId=" + interview, "/api/contacts/{contactId}/drafts/{kind}",
                null, null, 200);
        call(ME, "GET", c + "/drafts/request", "/api/contacts/{contactId}/drafts/{kind}", null, null, 400);
        call(ME, "GET", "/api/follow-ups/overdue?lookahead=P400D", "/api/follow-ups/overdue", null, null, 200);
        call(ME, "GET", "/api/analytics/outreach?groupBy=channel,month", "/api/analytics/outreach", null, null, 200);
        call(ME, "GET", "/api/audit?contactId=" + contact, "/api/audit", null, null, 200);
        call(ME, "GET", "/api/reports/practice", "/api/reports/practice", null, null, 200);
        call(ME, "GET", "/api/reports/referrals", "/api/reports/referrals", null, null, 200);
        call(ME, "GET", "/api/exports/contacts.csv", "/api/exports/contacts.csv", null, null, 200);
        call(ME, "GET", "/api/exports/contacts.vcf", "/api/exports/contacts.vcf", null, null, 200);
        call(ME, "GET", "/api/exports/events.jsonl", "/api/exports/events.jsonl", null, null, 200);
        call(ME, "GET", "/api/imports/template.csv", "/api/imports/template.csv", null, null, 200);
        call(ME, "GET", "/api/events?after=0&limit=5", "/api/events", null, null, 200);

        String entry = null;
        for (JsonNode item : timeline.get("items")) {
            if (item.path("type").asText().equals("NudgeSent")) {
                entry = item.get("entryId").asText();
            }
        }
        assertThat(entry).as("the nudge on the timeline: %s", timeline).isNotNull();
        String followUpEntry = null;
        for (JsonNode item : timeline.get("items")) {
            if (item.path("type").asText().equals("FollowUpLogged")) {
                followUpEntry = item.get("entryId").asText();
            }
        }
        assertThat(followUpEntry).as("the follow-up on the timeline: %s", timeline).isNotNull();
        call(ME, "POST", c + "/entries/" + followUpEntry + "/correction",
                "/api/contacts/{contactId}/entries/{entryId}/correction", "application/json",
                "{\"reason\":\"typo\",\"note\":\"read the whole book\"}", 200);
        call(ME, "POST", c + "/entries/" + entry + "/retraction", "/api/contacts/{contactId}/entries/{entryId}/retraction",
                "application/json", "{\"reason\":\"logged by mistake\"}", 200);

        call(ME, "POST", "/api/imports?format=csv&dryRun=true", "/api/imports", "text/csv",
                "name,source\r\nMary Somerville,COLD\r\n", 200);
        call(ME, "POST", "/api/imports?format=csv", "/api/imports", "text/csv",
                "name,source\r\nMary Somerville,COLD\r\n", 201);
        call(ME, "POST", "/api/imports?format=csv", "/api/imports", "text/csv", "name,source\r\n,NOPE\r\n", 400);

        call(ME, "PUT", "/api/mentors/" + TestUsers.MENTOR, "/api/mentors/{username}", null, null, 200);
        call(TestUsers.MENTOR, "GET", "/api/mentees", "/api/mentees", null, null, 200);
        call(TestUsers.MENTOR, "PATCH", c + "?owner=" + ME, "/api/contacts/{contactId}", "application/json",
                "{\"role\":\"Archivist\"}", 403);
        call(ME, "DELETE", "/api/mentors/" + TestUsers.MENTOR, "/api/mentors/{username}", null, null, 200);

        JsonNode feed = call(ME, "PUT", "/api/calendar-feed", "/api/calendar-feed", null, null, 200);
        String calendar = URI.create(feed.get("url").asText()).getPath();
        // the feed is a read model: it answers once the query side has seen the feed created, or revoked
        awaitStatus(calendar, 200);
        call(null, "GET", calendar, "/calendar/{token}.ics", null, null, 200);
        call(ME, "DELETE", "/api/calendar-feed", "/api/calendar-feed", null, null, 200);
        awaitStatus(calendar, 404);
        call(null, "GET", calendar, "/calendar/{token}.ics", null, null, 404);

        call(ME, "PUT", "/api/webhooks/crm", "/api/webhooks/{name}", "application/json",
                "{\"url\":\"http://10.0.0.1/hook\",\"events\":[]}", 400);
        call(ME, "GET", "/api/webhooks", "/api/webhooks", null, null, 200);
        call(ME, "DELETE", "/api/webhooks/crm", "/api/webhooks/{name}", null, null, 200);

        call(TestUsers.DEMO, "GET", "/api/admin/replay", "/api/admin/replay", null, null, 200);
        call(ME, "GET", "/api/admin/replay", "/api/admin/replay", null, null, 403);
        call(TestUsers.DEMO, "POST", "/api/admin/replay?processor=audit", "/api/admin/replay", null, null, 202);
        call(TestUsers.DEMO, "GET", "/api/admin/dead-letters", "/api/admin/dead-letters", null, null, 200);
        call(TestUsers.DEMO, "POST", "/api/admin/dead-letters/retry?group=audit", "/api/admin/dead-letters/retry",
                null, null, 200);
        JsonNode erasures = call(TestUsers.DEMO, "GET", "/api/admin/erasures", "/api/admin/erasures", null, null, 200);
        call(TestUsers.DEMO, "POST", "/api/admin/erasures", "/api/admin/erasures", "application/json",
                JSON.writeValueAsString(erasures), 200);

        call(TestUsers.CAROL, "DELETE", "/api/account", "/api/account", null, null, 400);
        call(TestUsers.CAROL, "DELETE", "/api/account?confirm=" + TestUsers.CAROL, "/api/account", null, null, 200);

        assertThat(violations).isEmpty();
        Set<String> described = new TreeSet<>();
        description.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> described.add(method + " " + path)));
        assertThat(exercised).as("every described operation was exercised").isEqualTo(described);
    }

    private void awaitStatus(String path, int status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        Awaitility.await(path + " answers " + status).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status);
    }

    private String at(int hours) {
        return DAYS_AGO.plus(hours, ChronoUnit.HOURS).toString();
    }

    /**
     * Sends the request, checks its status, validates the request and the answer against the
     * description and answers the body read as JSON (or null).
     */
    private JsonNode call(String user, String method, String target, String template, String contentType,
                          String body, int status) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        String authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestUsers.passwordOf(user)).getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String where = method + " " + target + " as " + user;
        assertThat(answer.statusCode()).as("%s: %s", where, answer.body()).isEqualTo(status);
        exercised.add(method + " " + template);

        SimpleRequest.Builder described = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                described.withQueryParam(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (authorization != null) {
            described.withAuthorization(authorization);
        }
        if (contentType != null) {
            described.withContentType(contentType);
        }
        if (body != null) {
            described.withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
        answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
        response.withBody(answer.body());
        // a request made invalid on purpose is refused by the description too: only its answer is checked then
        ValidationReport report = status == 400
                ? validator.validateResponse(uri.getPath(), Request.Method.valueOf(method), response.build())
                : validator.validate(described.build(), response.build());
        if (report.hasErrors()) {
            violations.add(where + " -> " + answer.statusCode() + ": " + report.getMessages());
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        return type.contains("json") && !type.contains("ndjson") && !answer.body().isEmpty()
                ? JSON.readTree(answer.body()) : null;
    }
}

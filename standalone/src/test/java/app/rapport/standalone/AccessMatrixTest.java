package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Nobody reads or changes what is not theirs, checked for every endpoint of the API in the
 * standalone app: without or with wrong credentials (401), as another user (404), as a mentor
 * without a grant (404 to read, 403 to write for someone else), with a grant (reads allowed,
 * writes refused), and after the grant is revoked (404 again). The endpoint list below must match
 * the endpoints the app really serves, so a new endpoint cannot be added without its row here.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Kind { READ, WRITE, ADMIN }

    /** One endpoint: its pattern as Spring maps it, and a concrete, valid request to it. */
    record Endpoint(HttpMethod method, String pattern, Kind kind, boolean onAContact,
                    Function<Journal, String> path, Function<Journal, String> body) {

        String key() {
            return method + " " + pattern;
        }
    }

    /** The ids of alice's journal that the concrete requests point at. */
    record Journal(UUID contact, UUID interview, UUID followUp, UUID commitment, UUID inquiry) {
    }

    static final String OWNER = TestUsers.ALICE;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant EARLIER = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    static final List<Endpoint> ENDPOINTS = List.of(
            write(HttpMethod.POST, "/api/contacts", false, j -> "/api/contacts",
                    j -> "{\"name\":\"Someone\",\"source\":\"COLD\"}"),
            write(HttpMethod.PATCH, "/api/contacts/{contactId}", true, j -> "/api/contacts/" + j.contact(),
                    j -> "{\"role\":\"Curator\"}"),
            write(HttpMethod.PUT, "/api/contacts/{contactId}/cadence", true, j -> "/api/contacts/" + j.contact() + "/cadence",
                    j -> "{\"days\":30}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews", true,
                    j -> "/api/contacts/" + j.contact() + "/interviews",
                    j -> "{\"channel\":\"EMAIL\",\"durationMinutes\":20,\"purpose\":\"careers\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/response", true,
                    j -> interview(j) + "/response", j -> "{\"outcome\":\"ACCEPTED\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/schedule", true,
                    j -> interview(j) + "/schedule", j -> "{\"scheduledFor\":\"2030-01-01T10:00:00Z\",\"mode\":\"VIDEO\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/preparation", true,
                    j -> interview(j) + "/preparation", j -> "{\"questions\":[\"Why archives?\"]}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/hold", true,
                    j -> interview(j) + "/hold", j -> "{\"heldAt\":\"" + EARLIER + "\",\"actualMinutes\":20}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/thank-you", true,
                    j -> interview(j) + "/thank-you", j -> "{\"channel\":\"EMAIL\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/nudge", true,
                    j -> interview(j) + "/nudge", j -> "{\"channel\":\"EMAIL\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/entries/{entryId}/correction", true,
                    j -> "/api/contacts/" + j.contact() + "/entries/" + UUID.randomUUID() + "/correction",
                    j -> "{\"reason\":\"typo\",\"note\":\"fixed\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/entries/{entryId}/retraction", true,
                    j -> "/api/contacts/" + j.contact() + "/entries/" + UUID.randomUUID() + "/retraction",
                    j -> "{\"reason\":\"logged by mistake\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/interviews/{interviewId}/cancel", true,
                    j -> interview(j) + "/cancel", j -> "{}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/follow-ups", true,
                    j -> "/api/contacts/" + j.contact() + "/follow-ups", j -> "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/referrals", true,
                    j -> "/api/contacts/" + j.contact() + "/referrals", j -> "{\"name\":\"Referred\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/referrals/links", true,
                    j -> "/api/contacts/" + j.contact() + "/referrals/links",
                    j -> "{\"referredContactId\":\"" + UUID.randomUUID() + "\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/commitments", true,
                    j -> "/api/contacts/" + j.contact() + "/commitments", j -> "{\"promise\":\"send the article\"}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/commitments/{commitmentId}/kept", true,
                    j -> "/api/contacts/" + j.contact() + "/commitments/" + UUID.randomUUID() + "/kept", j -> "{}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/commitments/{commitmentId}/dropped", true,
                    j -> "/api/contacts/" + j.contact() + "/commitments/" + UUID.randomUUID() + "/dropped", j -> "{}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/job-inquiries", true,
                    j -> "/api/contacts/" + j.contact() + "/job-inquiries", j -> "{\"acknowledgeEarly\":true}"),
            write(HttpMethod.POST, "/api/contacts/{contactId}/archive", true,
                    j -> "/api/contacts/" + j.contact() + "/archive", j -> null),
            write(HttpMethod.POST, "/api/contacts/{contactId}/restore", true,
                    j -> "/api/contacts/" + j.contact() + "/restore", j -> null),
            write(HttpMethod.POST, "/api/contacts/{contactId}/erasure", true,
                    j -> "/api/contacts/" + j.contact() + "/erasure", j -> "{\"reason\":\"asked to be forgotten\"}"),
            // no confirm: even a request that got through would erase nothing
            write(HttpMethod.DELETE, "/api/account", false, j -> "/api/account", j -> null),
            write(HttpMethod.PUT, "/api/profile", false, j -> "/api/profile", j -> "{\"displayName\":\"Someone\"}"),
            write(HttpMethod.PUT, "/api/mentors/{username}", false, j -> "/api/mentors/someone", j -> null),
            write(HttpMethod.DELETE, "/api/mentors/{username}", false, j -> "/api/mentors/someone", j -> null),
            write(HttpMethod.PUT, "/api/calendar-feed", false, j -> "/api/calendar-feed", j -> null),
            write(HttpMethod.DELETE, "/api/calendar-feed", false, j -> "/api/calendar-feed", j -> null),
            write(HttpMethod.PUT, "/api/webhooks/{name}", false, j -> "/api/webhooks/matrix",
                    j -> "{\"url\":\"https://93.184.216.34/rapport\"}"),
            write(HttpMethod.DELETE, "/api/webhooks/{name}", false, j -> "/api/webhooks/matrix", j -> null),
            write(HttpMethod.POST, "/api/imports", false, j -> "/api/imports?format=csv",
                    j -> "name,source\nSomeone Imported,COLD\n"),
            read("/api/contacts", false, j -> "/api/contacts"),
            read("/api/contacts/{contactId}", true, j -> "/api/contacts/" + j.contact()),
            read("/api/contacts/{contactId}/interviews/{interviewId}", true, AccessMatrixTest::interview),
            read("/api/interviews/scheduled", false, j -> "/api/interviews/scheduled"),
            read("/api/contacts/{contactId}/follow-ups/{followUpId}", true,
                    j -> "/api/contacts/" + j.contact() + "/follow-ups/" + j.followUp()),
            read("/api/contacts/{contactId}/commitments/{commitmentId}", true,
                    j -> "/api/contacts/" + j.contact() + "/commitments/" + j.commitment()),
            read("/api/contacts/{contactId}/job-inquiries/{inquiryId}", true,
                    j -> "/api/contacts/" + j.contact() + "/job-inquiries/" + j.inquiry()),
            read("/api/contacts/{contactId}/timeline", true, j -> "/api/contacts/" + j.contact() + "/timeline"),
            read("/api/contacts/{contactId}/commitments", true, j -> "/api/contacts/" + j.contact() + "/commitments"),
            read("/api/contacts/{contactId}/drafts/{kind}", true,
                    j -> "/api/contacts/" + j.contact() + "/drafts/nudge?interviewId=" + j.interview()),
            read("/api/follow-ups/overdue", false, j -> "/api/follow-ups/overdue?lookahead=P400D"),
            read("/api/analytics/outreach", false, j -> "/api/analytics/outreach?groupBy=channel"),
            read("/api/audit", false, j -> "/api/audit"),
            read("/api/reports/practice", false, j -> "/api/reports/practice"),
            read("/api/reports/referrals", false, j -> "/api/reports/referrals"),
            read("/api/mentees", false, j -> "/api/mentees"),
            read("/api/events", false, j -> "/api/events"),
            read("/api/webhooks", false, j -> "/api/webhooks"),
            read("/api/exports/contacts.csv", false, j -> "/api/exports/contacts.csv"),
            read("/api/exports/contacts.vcf", false, j -> "/api/exports/contacts.vcf"),
            read("/api/exports/events.jsonl", false, j -> "/api/exports/events.jsonl"),
            read("/api/imports/template.csv", false, j -> "/api/imports/template.csv"),
            admin(HttpMethod.POST, "/api/admin/replay", j -> "/api/admin/replay?processor=audit"),
            admin(HttpMethod.GET, "/api/admin/replay", j -> "/api/admin/replay"),
            admin(HttpMethod.GET, "/api/admin/dead-letters", j -> "/api/admin/dead-letters"),
            admin(HttpMethod.POST, "/api/admin/dead-letters/retry", j -> "/api/admin/dead-letters/retry?group=audit"),
            admin(HttpMethod.GET, "/api/admin/erasures", j -> "/api/admin/erasures"),
            admin(HttpMethod.POST, "/api/admin/erasures", j -> "/api/admin/erasures"));

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Journal journal;

    @Test
    void everyEndpointTheAppServesIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> served.add(method.name() + " " + pattern));
                }
            }
        }
        Set<String> listed = new TreeSet<>(ENDPOINTS.stream().map(Endpoint::key).toList());

        assertThat(listed).isEqualTo(served);
    }

    @TestFactory
    Stream<DynamicNode> accessMatrix() {
        return Stream.of(
                dynamicTest("alice keeps a journal", this::aliceKeepsAJournal),
                phase("without credentials: 401", endpoint -> expect(endpoint, null, null, false, HttpStatus.UNAUTHORIZED)),
                phase("with a wrong password: 401", endpoint ->
                        expect(endpoint, OWNER, "wrong", false, HttpStatus.UNAUTHORIZED)),
                phase("as another user", this::asAnotherUser),
                phase("as a mentor without a grant", endpoint -> asMentor(endpoint, false)),
                dynamicTest("alice grants the mentor access", () -> assertThat(
                        send(HttpMethod.PUT, "/api/mentors/" + TestUsers.MENTOR, null, OWNER).getStatusCode())
                        .isEqualTo(HttpStatus.OK)),
                phase("as a mentor with a grant", endpoint -> asMentor(endpoint, true)),
                dynamicTest("alice revokes the grant", () -> assertThat(
                        send(HttpMethod.DELETE, "/api/mentors/" + TestUsers.MENTOR, null, OWNER).getStatusCode())
                        .isEqualTo(HttpStatus.OK)),
                phase("as the mentor after revocation", endpoint -> asMentor(endpoint, false)));
    }

    private DynamicNode phase(String name, java.util.function.Consumer<Endpoint> check) {
        return dynamicContainer(name, ENDPOINTS.stream()
                .map(endpoint -> dynamicTest(endpoint.key(), () -> check.accept(endpoint))));
    }

    private void aliceKeepsAJournal() {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        assertThat(send(HttpMethod.POST, "/api/contacts", """
                {"contactId":"%s","name":"Ada","source":"COLD","at":"%s"}""".formatted(contact,
                EARLIER.minus(1, ChronoUnit.DAYS)), OWNER).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> requested = send(HttpMethod.POST, "/api/contacts/" + contact + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":20,"purpose":"careers","at":"%s"}"""
                .formatted(interview, EARLIER.minus(1, ChronoUnit.HOURS)), OWNER);
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID followUp = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> followedUp = send(HttpMethod.POST, "/api/contacts/" + contact
                + "/follow-ups", """
                {"followUpId":"%s","kind":"CHECK_IN","channel":"EMAIL","at":"%s"}"""
                .formatted(followUp, EARLIER.minus(30, ChronoUnit.MINUTES)), OWNER);
        assertThat(followedUp.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID commitment = UUID.randomUUID();
        assertThat(send(HttpMethod.POST, "/api/contacts/" + contact + "/commitments", """
                {"commitmentId":"%s","promise":"send the article","at":"%s"}"""
                .formatted(commitment, EARLIER.minus(20, ChronoUnit.MINUTES)), OWNER).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        UUID inquiry = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> inquired = send(HttpMethod.POST, "/api/contacts/" + contact
                + "/job-inquiries", """
                {"inquiryId":"%s","acknowledgeEarly":true,"at":"%s"}"""
                .formatted(inquiry, EARLIER.minus(10, ChronoUnit.MINUTES)), OWNER);
        assertThat(inquired.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        journal = new Journal(contact, interview, followUp, commitment, inquiry);
        assertThat(send(HttpMethod.PUT, "/api/profile", "{\"displayName\":\"Alice\"}", OWNER).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long position = ((Number) inquired.getBody().get("position")).longValue();
        assertThat(send(HttpMethod.GET, "/api/contacts/" + contact + "?consistentWith=" + position, null, OWNER)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Bob is signed in, but alice's contacts do not exist for him and her data never shows. */
    private void asAnotherUser(Endpoint endpoint) {
        if (endpoint.kind() == Kind.ADMIN) {
            expect(endpoint, TestUsers.BOB, TestUsers.BOB, false, HttpStatus.FORBIDDEN);
        } else if (endpoint.onAContact()) {
            expect(endpoint, TestUsers.BOB, TestUsers.BOB, false, HttpStatus.NOT_FOUND);
        } else if (endpoint.kind() == Kind.READ) {
            ResponseEntity<Map<String, Object>> answer = call(endpoint, TestUsers.BOB, TestUsers.BOB, false);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(String.valueOf(answer.getBody())).doesNotContain(journal.contact().toString());
        }
        // a write without a contact in its path writes to bob's own journal: nothing of alice's to refuse
    }

    private void asMentor(Endpoint endpoint, boolean granted) {
        switch (endpoint.kind()) {
            case ADMIN -> expect(endpoint, TestUsers.MENTOR, TestUsers.MENTOR, true, HttpStatus.FORBIDDEN);
            case WRITE -> {
                expect(endpoint, TestUsers.MENTOR, TestUsers.MENTOR, true, HttpStatus.FORBIDDEN);
                if (endpoint.onAContact()) {
                    expect(endpoint, TestUsers.MENTOR, TestUsers.MENTOR, false, HttpStatus.NOT_FOUND);
                }
            }
            case READ -> expect(endpoint, TestUsers.MENTOR, TestUsers.MENTOR, true,
                    granted ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        }
    }

    private void expect(Endpoint endpoint, String user, String password, boolean namingOwner, HttpStatus status) {
        ResponseEntity<Map<String, Object>> answer = call(endpoint, user, password, namingOwner);
        assertThat(answer.getStatusCode()).as("%s as %s: %s", endpoint.key(), user, answer.getBody())
                .isEqualTo(status);
        if (status.isError()) {
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private ResponseEntity<Map<String, Object>> call(Endpoint endpoint, String user, String password,
                                                     boolean namingOwner) {
        String path = endpoint.path().apply(journal);
        if (namingOwner) {
            path += (path.contains("?") ? "&" : "?") + "owner=" + OWNER;
        }
        return exchange(endpoint.method(), path, endpoint.body().apply(journal), user, password);
    }

    private ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, String body, String user) {
        return exchange(method, path, body, user, TestUsers.passwordOf(user));
    }

    private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, String body, String user,
                                                        String password) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, password);
        // read as text first: exports and the template answer CSV, vCards and JSON Lines, not JSON
        ResponseEntity<String> answer = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        Object content = answer.getBody() == null ? null : isJson(answer.getHeaders().getContentType())
                ? readJson(answer.getBody()) : answer.getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = content instanceof Map<?, ?> m ? (Map<String, Object>) m
                : content == null ? Map.of() : Map.of("content", content);
        return new ResponseEntity<>(map, answer.getHeaders(), answer.getStatusCode());
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private static Object readJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("An answer said it was JSON and was not: " + text, e);
        }
    }

    private static String interview(Journal journal) {
        return "/api/contacts/" + journal.contact() + "/interviews/" + journal.interview();
    }

    private static Endpoint write(HttpMethod method, String pattern, boolean onAContact, Function<Journal, String> path,
                                  Function<Journal, String> body) {
        return new Endpoint(method, pattern, Kind.WRITE, onAContact, path, body);
    }

    private static Endpoint read(String pattern, boolean onAContact, Function<Journal, String> path) {
        return new Endpoint(HttpMethod.GET, pattern, Kind.READ, onAContact, path, j -> null);
    }

    private static Endpoint admin(HttpMethod method, String pattern, Function<Journal, String> path) {
        return new Endpoint(method, pattern, Kind.ADMIN, false, path, j -> null);
    }
}

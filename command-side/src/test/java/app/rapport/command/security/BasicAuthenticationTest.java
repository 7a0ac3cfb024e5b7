package app.rapport.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may call the command side: configured users over HTTP Basic, each on their own journal only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BasicAuthenticationTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;

    @Test
    void aRequestWithoutCredentialsIsUnauthorizedWithAProblemAndAChallenge() {
        ResponseEntity<Map<String, Object>> answer = addContact(http, UUID.randomUUID());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("status", 401);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        ResponseEntity<Map<String, Object>> wrongPassword = addContact(as(TestUsers.ALICE, "nope"), UUID.randomUUID());
        ResponseEntity<Map<String, Object>> unknownUser = addContact(as("nobody", "nope"), UUID.randomUUID());

        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknownUser.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknownUser.getBody()).isEqualTo(wrongPassword.getBody());
    }

    @Test
    void aFailedLoginIsLoggedWithTheUsernameButNeverThePassword(CapturedOutput output) {
        addContact(as(TestUsers.ALICE, "hunter2-secret"), UUID.randomUUID());

        assertThat(output.getOut()).contains("Failed login for user 'alice'").doesNotContain("hunter2-secret");
    }

    @Test
    void aBcryptPasswordIsAcceptedAgainAndAgain() {
        TestRestTemplate carol = as(TestUsers.CAROL, TestUsers.passwordOf(TestUsers.CAROL));

        assertThat(addContact(carol, UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(addContact(carol, UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(addContact(as(TestUsers.CAROL, "wrong"), UUID.randomUUID()).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthAndTheApiDescriptionArePublic() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(TestUsers.ALICE, TestUsers.ALICE).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(TestUsers.DEMO, TestUsers.DEMO).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherUsersContactIsNotFound() {
        UUID alices = UUID.randomUUID();
        addContact(as(TestUsers.ALICE, TestUsers.ALICE), alices);

        ResponseEntity<Map<String, Object>> answer = post(as(TestUsers.BOB, TestUsers.BOB),
                "/api/contacts/" + alices + "/archive", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).containsEntry("type", "/problems/contact-not-found");
    }

    @Test
    void aWriteNamingAnotherOwnerIsForbidden() {
        UUID alices = UUID.randomUUID();
        addContact(as(TestUsers.ALICE, TestUsers.ALICE), alices);

        ResponseEntity<Map<String, Object>> answer = post(as(TestUsers.MENTOR, TestUsers.MENTOR),
                "/api/contacts/" + alices + "/archive?owner=" + TestUsers.ALICE, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).containsEntry("type", "/problems/forbidden");
    }

    private TestRestTemplate as(String user, String password) {
        return http.withBasicAuth(user, password);
    }

    static ResponseEntity<Map<String, Object>> addContact(TestRestTemplate client, UUID id) {
        return post(client, "/api/contacts", "{\"contactId\":\"%s\",\"name\":\"N\",\"source\":\"COLD\"}".formatted(id));
    }

    static ResponseEntity<Map<String, Object>> post(TestRestTemplate client, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }
}

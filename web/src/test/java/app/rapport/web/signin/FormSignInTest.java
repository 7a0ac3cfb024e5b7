package app.rapport.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.web.WebApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages as a web app of their own, with the form sign-in and an API that is not there (port 9
 * on loopback refuses): the pages need a session, their forms a CSRF token, and a sign-in that the
 * API cannot check is a message on the form, never a stack trace. Paths that are not pages are
 * left to whatever chain the app has for them (here, none).
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.web.command-url=http://127.0.0.1:9", "rapport.web.query-url=http://127.0.0.1:9"})
class FormSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();

    @Test
    void aPageWithoutASession_sendsToTheSignInForm() throws Exception {
        HttpResponse<String> contacts = get("/contacts");

        assertThat(contacts.statusCode()).isEqualTo(302);
        assertThat(contacts.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void theSignInForm_namesItsFieldsAsTheContractDoes_withVisibleLabels() throws Exception {
        HttpResponse<String> form = get("/login");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"", "name=\"password\"", "<label for=\"username\">",
                "<label for=\"password\">", "name=\"_csrf\"");
        assertThat(form.body()).as("nobody is signed in yet: no pages to go to, no sign-out")
                .doesNotContain("Sign out", "anonymousUser");
    }

    @Test
    void aSignInWithoutTheFormsCsrfToken_isRefused() throws Exception {
        get("/login");
        HttpResponse<String> forged = post("/login", "username=alice&password=alice");

        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?expired"));
    }

    @Test
    void aSignInTheApiCannotCheck_isAMessageOnTheForm() throws Exception {
        String token = csrfOf(get("/login").body());
        HttpResponse<String> signIn = post("/login", "username=alice&password=alice&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));

        HttpResponse<String> again = get("/login?error");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("The journal did not answer; try again in a moment.")
                .doesNotContain("Exception");
    }

    @Test
    void pathsThatAreNotPages_areNotThePagesChainsToGuard() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private static String csrfOf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the form").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

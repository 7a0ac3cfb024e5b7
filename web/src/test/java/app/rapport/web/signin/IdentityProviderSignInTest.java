package app.rapport.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import app.rapport.web.WebApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With an OAuth 2.0 client registration configured, signing in is the identity provider's
 * authorization-code flow: a page asked for without a session goes to the sign-in page, which
 * sends the browser on to the provider's authorization endpoint with this app's client id and a
 * callback on this app. No provider runs here; the redirects are the contract.
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.security.oauth2.client.registration.campus.client-id=rapport-pages",
                "spring.security.oauth2.client.registration.campus.client-secret=not-a-secret",
                "spring.security.oauth2.client.registration.campus.authorization-grant-type=authorization_code",
                "spring.security.oauth2.client.registration.campus.scope=openid",
                "spring.security.oauth2.client.registration.campus.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider.campus.authorization-uri=https://idp.invalid/authorize",
                "spring.security.oauth2.client.provider.campus.token-uri=https://idp.invalid/token",
                "spring.security.oauth2.client.provider.campus.jwk-set-uri=https://idp.invalid/jwks",
                "spring.security.oauth2.client.provider.campus.user-name-attribute=sub"})
class IdentityProviderSignInTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    @Test
    void aPageWithoutASession_leadsToTheIdentityProvidersAuthorizationEndpoint() throws Exception {
        HttpResponse<String> today = get("/");
        assertThat(today.statusCode()).isEqualTo(302);
        assertThat(today.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        HttpResponse<String> signIn = get("/login");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/oauth2/authorization/campus"));

        HttpResponse<String> authorization = get("/oauth2/authorization/campus");
        assertThat(authorization.statusCode()).isEqualTo(302);
        URI provider = URI.create(authorization.headers().firstValue("Location").orElseThrow());
        assertThat(provider.getHost()).isEqualTo("idp.invalid");
        assertThat(provider.getPath()).isEqualTo("/authorize");
        assertThat(provider.getQuery()).contains("response_type=code", "client_id=rapport-pages", "scope=openid",
                "redirect_uri=http://localhost:" + port + "/login/oauth2/code/campus", "state=");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

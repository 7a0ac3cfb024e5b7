package app.rapport.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An organisation's own identity provider: with a JWK set configured, bearer tokens signed by its
 * key are accepted and name the user by the configured claim. The provider here is a local key
 * served from a local port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.security.username-claim=preferred_username")
class JwtAuthenticationTest {

    static final RSAKey KEY = generate("rapport-test-key");
    static final RSAKey STRANGER = generate("someone-else");
    static final HttpServer JWKS = serve(new JWKSet(KEY.toPublicJWK()).toString());

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void aSignedTokenIsAcceptedAndNamesTheUserByTheClaim() {
        UUID id = UUID.randomUUID();

        ResponseEntity<String> answer = addContact(id, token(KEY, "jwt-user", Instant.now().plusSeconds(300)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String metaData = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, id.toString());
        assertThat(metaData).contains("\"actor\":\"jwt-user\"");
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, id.toString());
        assertThat(payload).contains("\"ownerId\":\"jwt-user\"");
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() {
        ResponseEntity<String> answer = addContact(UUID.randomUUID(),
                token(STRANGER, "jwt-user", Instant.now().plusSeconds(300)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        assertThat(addContact(UUID.randomUUID(), token(KEY, "jwt-user", Instant.now().minusSeconds(600)))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void basicCredentialsAreNotAcceptedOnceTokensAreConfigured() {
        HttpHeaders headers = json();
        headers.setBasicAuth("demo", "demo");

        assertThat(http.exchange("/api/contacts", HttpMethod.POST,
                new HttpEntity<>("{\"name\":\"N\",\"source\":\"COLD\"}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> addContact(UUID id, String token) {
        HttpHeaders headers = json();
        headers.setBearerAuth(token);
        return http.exchange("/api/contacts", HttpMethod.POST, new HttpEntity<>(
                "{\"contactId\":\"%s\",\"name\":\"N\",\"source\":\"COLD\"}".formatted(id), headers), String.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String token(RSAKey key, String username, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder()
                            .subject("subject-" + username)
                            .claim("preferred_username", username)
                            .issueTime(Date.from(expires.minusSeconds(900)))
                            .expirationTime(Date.from(expires))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

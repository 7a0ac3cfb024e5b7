package app.rapport.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import app.rapport.standalone.StandaloneApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The description the standalone app serves is valid OpenAPI (swagger-parser's validation), keeps
 * the rules of Redocly's recommended set and Rapport's own ({@link DescriptionRules}), and is the
 * one kept in {@code docs/openapi.json}, from which the client of this module is generated: a
 * change of the API that is not written there fails here. {@code -Drapport.openapi.write=true}
 * writes the served description there.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionLintTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    TestRestTemplate http;

    @Test
    void theServedDescriptionIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(served(), null, options);

        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getMessages()).isEmpty();
    }

    @Test
    void theServedDescriptionKeepsTheLintRules() {
        assertThat(DescriptionRules.check(served())).isEmpty();
    }

    @Test
    void theServedDescriptionIsTheOneTheClientIsGeneratedFrom() throws IOException {
        Path file = Path.of(System.getProperty("rapport.openapi.file", "../docs/openapi.json"));
        JsonNode served = JSON.readTree(served());
        String text = JSON.writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("rapport.openapi.write")) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        assertThat(Files.exists(file)).as("%s exists (write it with -Drapport.openapi.write=true)", file).isTrue();
        assertThat(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)))
                .as("%s is the description the app serves; rewrite it with -Drapport.openapi.write=true", file)
                .isEqualTo(served);
    }

    private String served() {
        ResponseEntity<String> answer = http.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}

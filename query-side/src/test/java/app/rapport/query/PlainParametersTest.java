package app.rapport.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The API's query parameters hold no control characters (PostgreSQL refuses a NUL, which would
 * otherwise fail as a 500); the rule is the API's, so a page's form, whose fields arrive as
 * parameters and may hold line breaks, is not refused by it.
 */
class PlainParametersTest extends QueryIntegrationTest {

    @Test
    void anApiParameterWithALineBreak_isA400NamingIt() {
        ResponseEntity<JsonNode> answer = http.getForEntity(URI.create("/api/contacts?q=a%0Ab"), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    @Test
    void aParameterOutsideTheApi_isNotTheApisToRefuse() {
        ResponseEntity<String> answer = http.getForEntity(URI.create("/actuator/health?note=line%0Abreak"),
                String.class);

        assertThat(answer.getStatusCode()).isNotEqualTo(HttpStatus.BAD_REQUEST);
    }
}

package app.rapport.query.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.ContactTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The import's template: the header row of the contact columns, and owner= as on every read. */
class ImportTemplateTest extends QueryIntegrationTest {

    @Test
    void theTemplate_isOneHeaderRowOfTheContactColumns() {
        ResponseEntity<String> template = http.exchange("/api/imports/template.csv", HttpMethod.GET, null, String.class);

        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(template.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(template.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment").contains("rapport-contacts.csv");
        assertThat(template.getBody()).isEqualTo(String.join(",", ContactTemplate.COLUMNS) + "\r\n");
    }

    @Test
    void aJournalNotSharedWithTheCaller_isNotFound_evenForTheTemplate() {
        ResponseEntity<String> answer = http.exchange("/api/imports/template.csv?owner=nobody-shared-this",
                HttpMethod.GET, null, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}

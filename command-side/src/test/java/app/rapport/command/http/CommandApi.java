package app.rapport.command.http;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A thin client for the command API in tests: JSON text in, status and JSON map out. */
record CommandApi(TestRestTemplate http) {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    ResponseEntity<Map<String, Object>> post(String path, String body) {
        return exchange(HttpMethod.POST, path, body, null);
    }

    ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set(HttpHeaders.IF_MATCH, ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}

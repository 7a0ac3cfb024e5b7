package app.rapport.command.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A client for the import endpoint in tests: a file (a fixture or bytes) in, status and JSON map out. */
record ImportApi(TestRestTemplate http) {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** A fixture under {@code src/test/resources/imports/}. */
    static byte[] fixture(String name) {
        try (InputStream in = ImportApi.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture imports/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResponseEntity<Map<String, Object>> importFile(String format, String fixture) {
        return importBytes(format, fixture(fixture), false);
    }

    ResponseEntity<Map<String, Object>> tryFile(String format, String fixture) {
        return importBytes(format, fixture(fixture), true);
    }

    ResponseEntity<Map<String, Object>> importBytes(String format, byte[] file, boolean dryRun) {
        return importBytes("/api/imports?format=" + format + (dryRun ? "&dryRun=true" : ""), file, contentTypeOf(format));
    }

    ResponseEntity<Map<String, Object>> importBytes(String path, byte[] file, MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(file, headers), JSON);
    }

    ResponseEntity<Map<String, Object>> importPart(String format, String filename, byte[] file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/imports?format=" + format, HttpMethod.POST, new HttpEntity<>(parts, headers), JSON);
    }

    ResponseEntity<Map<String, Object>> postJson(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    static MediaType contentTypeOf(String format) {
        return switch (format) {
            case "vcard" -> MediaType.parseMediaType("text/vcard");
            case "events" -> MediaType.parseMediaType("application/x-ndjson");
            default -> MediaType.parseMediaType("text/csv");
        };
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errorsOf(ResponseEntity<Map<String, Object>> answer) {
        return (List<Map<String, Object>>) answer.getBody().get("errors");
    }
}

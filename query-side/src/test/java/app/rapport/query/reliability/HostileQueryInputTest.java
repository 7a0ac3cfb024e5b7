package app.rapport.query.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.rapport.query.QueryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every query parameter and path variable of every query endpoint (read from Spring MVC's own
 * mappings, so a new endpoint or parameter is covered without touching this test), given hostile
 * values: the answer is never a 5xx, and every refusal is a problem document.
 */
class HostileQueryInputTest extends QueryIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(HostileQueryInputTest.class);

    static final List<String> ANY = List.of("", " ", "x".repeat(10_000), "\u0000", "\u0001\u007f", "😀",
            "' OR 1=1 --", "%", "../../etc", "null", "[]", "{}");
    static final List<String> NUMBERS = List.of("-1", "0", "-2147483649", "2147483648", "99999999999999999999",
            "1e400", "NaN", "1.5", "0x10", "abc");
    static final List<String> INSTANTS = List.of("yesterday", "2026-13-45T99:99:99Z", "2026-01-01",
            "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "1e400", "2026-01-01T00:00:00+25:00");
    static final List<String> UUIDS = List.of("not-a-uuid", "0", "00000000-0000-0000-0000-00000000000g",
            UUID.randomUUID() + "x");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noHostileQueryValueGetsA5xxAndEveryRefusalIsAProblemDocument() {
        Map<String, Integer> statuses = new TreeMap<>();
        int probes = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!entry.getKey().getMethodsCondition().getMethods().contains(
                    org.springframework.web.bind.annotation.RequestMethod.GET)
                    || !handler.getBeanType().getPackageName().startsWith("app.rapport.query")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                String validPath = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (Parameter parameter : handler.getMethod().getParameters()) {
                    RequestParam param = parameter.getAnnotation(RequestParam.class);
                    if (param != null) {
                        String name = !param.name().isEmpty() ? param.name()
                                : !param.value().isEmpty() ? param.value() : parameter.getName();
                        for (String value : valuesFor(parameter.getType())) {
                            probe(validPath, name, value, statuses);
                            probes++;
                        }
                    }
                }
                if (pattern.contains("{")) {
                    for (String value : UUIDS) {
                        probe(pattern.replaceAll("\\{[^}]+}", value), null, null, statuses);
                        probes++;
                    }
                }
            }
        }
        log.info("Sent {} hostile query probes; answers by status: {}", probes, statuses);
        assertThat(probes).isGreaterThan(100);
        assertThat(http.getForEntity("/api/contacts", String.class).getStatusCode().is2xxSuccessful())
                .as("the server still answers").isTrue();
    }

    private void probe(String path, String name, String value, Map<String, Integer> statuses) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (name != null) {
            uri.queryParam(name, value);
        }
        URI target = uri.encode().build().toUri();
        ResponseEntity<String> answer = http.exchange(target, HttpMethod.GET, HttpEntity.EMPTY, String.class);
        int status = answer.getStatusCode().value();
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        assertThat(status).as("GET %s → %s", target, answer.getBody()).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.getHeaders().getContentType()).as("GET %s", target)
                    .matches(type -> type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(answer.getBody()).contains("\"type\"").contains("\"title\"").contains("\"status\"");
        }
    }

    private static List<String> valuesFor(Class<?> type) {
        List<String> values = new ArrayList<>(ANY);
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            values.addAll(NUMBERS);
        } else if (type == Instant.class) {
            values.addAll(INSTANTS);
        } else if (type == UUID.class) {
            values.addAll(UUIDS);
        }
        return values;
    }
}

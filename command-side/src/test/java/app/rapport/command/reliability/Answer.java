package app.rapport.command.reliability;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.lang.Nullable;

/**
 * One HTTP answer as a client saw it.
 *
 * @param request what was sent, for messages
 * @param retryAfter the {@code Retry-After} header, or null
 */
record Answer(String request, int status, String contentType, @Nullable String retryAfter, String body,
              Duration took) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, Object> json() {
        try {
            return JSON.readValue(body, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Not JSON: " + this, e);
        }
    }

    boolean isProblem() {
        return contentType.startsWith("application/problem+json");
    }

    /** The problem's type without its {@code /problems/} prefix, or null for a success. */
    @Nullable
    String problemType() {
        if (!isProblem()) {
            return null;
        }
        Object type = json().get("type");
        return type == null ? null : type.toString().substring(type.toString().lastIndexOf('/') + 1);
    }

    /** {@code 201}, or {@code 409 stale-version} for a problem: how a tally counts this answer. */
    String outcome() {
        String type = problemType();
        return type == null ? String.valueOf(status) : status + " " + type;
    }

    @Override
    public String toString() {
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return request + " -> " + status + " " + contentType + " in " + took.toMillis() + " ms: " + shown;
    }
}

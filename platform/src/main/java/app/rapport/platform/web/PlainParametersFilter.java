package app.rapport.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's query parameters follow the rule request bodies follow ({@link PlainTextDeserializer}):
 * no control characters and no lone surrogates. PostgreSQL refuses a NUL in any text it is sent, so
 * such a value would otherwise reach the database and fail there as a 500.
 */
class PlainParametersFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    PlainParametersFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!PlainTextDeserializer.isPlainText(parameter.getKey()) || !PlainTextDeserializer.isPlainText(value)
                        || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                    response.setStatus(400);
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), ProblemResponses.invalid(
                            "Invalid field(s): " + parameter.getKey() + ".",
                            List.of(new FieldError(parameter.getKey(), "must not contain control characters"))));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}

package app.rapport.platform.security;

import java.io.IOException;

import app.rapport.platform.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 and 429 as problem documents like every other error. The 401 is the same whether the
 * user is unknown or the password wrong, so nobody learns which usernames exist; the 429 of a
 * throttled sign-in says when to try again, in its detail and in {@code Retry-After}.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final String challenge;

    ProblemAuthenticationHandlers(ObjectMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            long seconds = throttled.retryAfterSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-failures",
                    "Too many failed sign-ins", "Too many wrong passwords for this username or from this address: "
                            + "sign-ins are refused for now; try again in " + seconds + " seconds."), request);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                "Sign in: this request needs valid credentials."), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You may not do this."), request);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
            throws IOException {
        try {
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unusualPath) {
            // the instance is a courtesy; the problem stands without it
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

package app.rapport.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Answers the errors Tomcat detects before a request reaches Spring (an encoded slash or NUL in
 * the path, a path that is not UTF-8, a request line or headers too large) with a problem document
 * instead of Tomcat's HTML page, so every error of the API has the same shape.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(Problems.forStatus(status));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // the client went away or the response cannot take a body; the status stands alone
        }
    }
}

package app.rapport.command.dispatch;

import app.rapport.platform.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A mentor reads a mentee's journal with {@code owner=<mentee>} but never writes to it: a command
 * naming another owner is refused with 403 before it is sent. (A command on someone else's contact
 * without {@code owner} is refused by the aggregate as not found.)
 */
class MentorsDoNotWrite implements HandlerInterceptor {

    static final String OWNER = "owner";

    private final CurrentUser currentUser;

    MentorsDoNotWrite(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isRead(request)) {
            // in the standalone app the query side's reads pass here too; they handle owner= themselves
            return true;
        }
        String owner = request.getParameter(OWNER);
        if (owner != null && !owner.equals(currentUser.username())) {
            throw new AccessDeniedException("Only " + owner + " writes to their own journal");
        }
        return true;
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())
                || HttpMethod.OPTIONS.matches(request.getMethod());
    }
}

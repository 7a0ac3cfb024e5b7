package app.rapport.platform.identity;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting: the authenticated principal of the current request, or the configured default
 * user where no authentication is in place (one person on one laptop, and until security lands).
 */
public class CurrentUser {

    private final String defaultUser;

    public CurrentUser(String defaultUser) {
        this.defaultUser = defaultUser;
    }

    public String username() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            Principal principal = request.getUserPrincipal();
            if (principal != null && principal.getName() != null) {
                return principal.getName();
            }
        }
        return defaultUser;
    }
}

package app.rapport.web.support;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The person's time zone: the browser's, which {@code /pages/zone.js} puts in the cookie
 * {@value #COOKIE}; UTC until the browser has said (the first page, or without JavaScript).
 */
@Component
public class PersonZone {

    static final String COOKIE = "rapport-zone";
    private static final String ATTRIBUTE = PersonZone.class.getName();
    private static final ZoneId UTC = ZoneId.of("UTC");

    public ZoneId current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return UTC;
        }
        // read once per request: a page shows dozens of times
        HttpServletRequest request = servlet.getRequest();
        if (request.getAttribute(ATTRIBUTE) instanceof ZoneId known) {
            return known;
        }
        ZoneId zone = fromCookie(request);
        request.setAttribute(ATTRIBUTE, zone);
        return zone;
    }

    private static ZoneId fromCookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    try {
                        return ZoneId.of(cookie.getValue().replace("%2F", "/"));
                    } catch (DateTimeException unknownZone) {
                        return UTC;
                    }
                }
            }
        }
        return UTC;
    }
}

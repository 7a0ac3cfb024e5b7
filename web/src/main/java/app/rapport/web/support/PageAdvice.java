package app.rapport.web.support;

import app.rapport.web.api.ApiRefusal;
import app.rapport.web.api.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shows (who is signed in) and what a page does when the API refuses a read: a
 * page of its own with the API's detail and status, never a stack trace; when the API no longer
 * takes the session's credentials, the sign-in page.
 */
@ControllerAdvice(basePackages = "app.rapport.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final Caller caller;

    PageAdvice(Caller caller) {
        this.caller = caller;
    }

    @ModelAttribute("me")
    String me() {
        return caller.username();
    }

    @ExceptionHandler(ApiRefusal.class)
    ModelAndView refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response) {
        if (refusal.status() == 401) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return new ModelAndView("redirect:/login?expired");
        }
        ModelAndView page = new ModelAndView("refused");
        page.addObject("refusal", refusal);
        page.addObject("me", caller.username());
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(
                refusal.status() >= 400 && refusal.status() < 600 ? refusal.status() : 502));
        return page;
    }

    /** A failure of the pages themselves: a page that says so, and the cause in the log, never on the page. */
    @ExceptionHandler(RuntimeException.class)
    ModelAndView failed(RuntimeException failure) {
        log.error("A page failed", failure);
        return refused(new ApiRefusal(500, "Something went wrong", "The page could not be shown; try again.",
                java.util.Map.of()), null, null);
    }

    /** A path variable or parameter the pages cannot read (a contact id that is no UUID): not found. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ModelAndView unreadable(Model model) {
        return refused(new ApiRefusal(404, "Not found", "There is no such page.", java.util.Map.of()), null, null);
    }
}

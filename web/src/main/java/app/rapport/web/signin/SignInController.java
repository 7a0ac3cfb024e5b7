package app.rapport.web.signin;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; with an identity provider configured, the way to it. */
@Controller
class SignInController {

    static final String FAILURE = SignInController.class.getName() + ".failure";

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    SignInController(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.identityProviders = identityProviders;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (identityProviders.getIfAvailable() instanceof InMemoryClientRegistrationRepository providers
                && error == null) {
            for (ClientRegistration provider : providers) {
                return "redirect:/oauth2/authorization/" + provider.getRegistrationId();
            }
        }
        if (error != null) {
            Object failure = session.getAttribute(FAILURE);
            session.removeAttribute(FAILURE);
            model.addAttribute("failure", failure != null ? failure : "Signing in failed; try again.");
        }
        return "login";
    }
}

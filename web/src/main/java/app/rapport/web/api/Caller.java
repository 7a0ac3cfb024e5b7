package app.rapport.web.api;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The signed-in person as the API knows them: the credentials they signed in with (form), or the
 * access token their identity provider issued (OIDC), forwarded as a bearer token. The pages
 * never act as anyone but the person in front of them.
 */
@Component
public class Caller {

    private final ObjectProvider<OAuth2AuthorizedClientService> authorizedClients;

    Caller(ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /** Who is signed in, or null on the sign-in page (where Spring Security's anonymous user stands in). */
    public String username() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof ApiUser user) {
            return user.username();
        }
        return signedIn instanceof OAuth2AuthenticationToken token ? token.getName() : null;
    }

    String authorization() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof ApiUser user) {
            return user.authorization();
        }
        if (signedIn instanceof OAuth2AuthenticationToken token) {
            OAuth2AuthorizedClientService clients = authorizedClients.getIfAvailable();
            OAuth2AuthorizedClient client = clients == null ? null
                    : clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), token.getName());
            if (client != null) {
                return "Bearer " + client.getAccessToken().getTokenValue();
            }
        }
        throw new ApiRefusal(401, "Not signed in", "Sign in again.", Map.of());
    }
}

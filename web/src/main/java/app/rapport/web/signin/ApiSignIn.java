package app.rapport.web.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import app.rapport.web.api.Api;
import app.rapport.web.api.ApiRefusal;
import app.rapport.web.api.ApiUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks the sign-in form's credentials against the API itself, so the pages keep no user list of
 * their own and a password is right here exactly when the API takes it (its throttle of failed
 * sign-ins included). What the session keeps is the header to send on the person's behalf.
 */
class ApiSignIn implements AuthenticationProvider {

    private final Api api;

    ApiSignIn(Api api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String username = form.getName();
        String password = form.getCredentials() == null ? "" : form.getCredentials().toString();
        if (username == null || username.isBlank() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your username and password.");
        }
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        int status;
        try {
            status = api.check(authorization);
        } catch (ApiRefusal unreachable) {
            throw new AuthenticationServiceException("The journal did not answer; try again in a moment.");
        }
        if (status == 429) {
            throw new LockedException("Too many failed sign-ins for this name; wait a few minutes and try again.");
        }
        if (status != 200) {
            throw new BadCredentialsException("That username and password do not match.");
        }
        return UsernamePasswordAuthenticationToken.authenticated(new ApiUser(username, authorization), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

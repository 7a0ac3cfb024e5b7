package app.rapport.platform.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Names the user of a bearer token by a configurable claim, falling back to the subject. */
class UsernameClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claim;

    UsernameClaimConverter(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(claim);
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_USER")),
                username != null && !username.isBlank() ? username : jwt.getSubject());
    }
}

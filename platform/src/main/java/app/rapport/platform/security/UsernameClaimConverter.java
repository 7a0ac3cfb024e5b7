package app.rapport.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** Names the user of a bearer token by a configurable claim, falling back to the subject; scopes become authorities. */
class UsernameClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claim;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    UsernameClaimConverter(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(claim);
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        return new JwtAuthenticationToken(jwt, authorities,
                username != null && !username.isBlank() ? username : jwt.getSubject());
    }
}

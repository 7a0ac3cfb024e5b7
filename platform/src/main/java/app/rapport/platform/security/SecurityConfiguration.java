package app.rapport.platform.security;

import java.time.Clock;

import app.rapport.platform.PlatformProperties;
import app.rapport.platform.PlatformProperties.FailedLogins;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One security setup for the command side, the query side and the standalone app: stateless,
 * every request authenticated but health and the API description; HTTP Basic against configured
 * users, or bearer JWTs once an issuer or JWK set is configured.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String[] PUBLIC = {
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};
    private static final String[] ADMINISTRATION = {"/api/admin/**", "/actuator/**"};
    /** A configured admin user, or a bearer token granted the scope {@code rapport.admin}. */
    private static final String[] ADMIN_AUTHORITIES = {"ROLE_ADMIN", "SCOPE_rapport.admin"};

    @Bean
    SecurityFilterChain rapportSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                        AuthenticationManager authenticationManager, ObjectMapper json,
                                        PlatformProperties properties) throws Exception {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        var problems = new ProblemAuthenticationHandlers(json, bearer ? "Bearer" : "Basic realm=\"Rapport\"");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(ADMINISTRATION).hasAnyAuthority(ADMIN_AUTHORITIES)
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (bearer) {
            log.info("Rapport accepts bearer JWTs; the username is claim '{}'", properties.security().usernameClaim());
            http.oauth2ResourceServer(jwt -> jwt
                    .authenticationEntryPoint(problems)
                    .jwt(token -> token.jwtAuthenticationConverter(
                            new UsernameClaimConverter(properties.security().usernameClaim()))));
        } else {
            http.authenticationManager(authenticationManager)
                    .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /**
     * Security's path patterns matched as Spring MVC matches them, by {@code PathPattern}: the MVC
     * matchers it takes by default ask every handler mapping on each request (Spring Security 7's
     * default; opted into by this bean in 6.5). The standalone app's pages chain takes it too.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    UserDetailsService rapportUsers(PlatformProperties properties, PasswordEncoder passwords) {
        if (properties.users().isEmpty()) {
            log.warn("No users are configured (rapport.users[i].username/password): every request will be refused");
        }
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> (UserDetails) User.withUsername(user.username()).password(user.password())
                        .roles(user.admin() ? new String[] {"USER", "ADMIN"} : new String[] {"USER"}).build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
                                                PlatformProperties properties, Clock clock,
                                                AuthenticationEventPublisher events) {
        DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(users);
        checkPassword.setPasswordEncoder(passwords);
        FailedLogins failedLogins = properties.security().failedLogins();
        AuthenticationProvider throttled = failedLogins.enabled()
                ? new ThrottlingAuthenticationProvider(checkPassword, new LoginThrottle(failedLogins, clock))
                : checkPassword;
        // The cache comes first: credentials verified a moment ago pass without asking the throttle,
        // so someone guessing at a user's name cannot lock out that user while they are signed in.
        ProviderManager manager = new ProviderManager(new CachingAuthenticationProvider(throttled,
                properties.security().credentialCacheTtl(), properties.security().credentialCacheMaxAge(), clock));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** Failed logins are worth a line in the log: who tried and why, never with what password. */
    @EventListener
    void failedLogin(AbstractAuthenticationFailureEvent failure) {
        log.warn("Failed login for user '{}': {}", failure.getAuthentication().getName(),
                failure.getException().getClass().getSimpleName());
    }
}

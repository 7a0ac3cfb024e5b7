package app.rapport.web.signin;

import app.rapport.web.api.Api;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages' own security chain. It matches the page paths only and comes before any other, so
 * the API's chain (stateless, HTTP Basic or bearer tokens, problem documents) stays exactly as it
 * is for every {@code /api} path, even in the one process of the standalone app.
 *
 * <p>Pages use a session cookie and CSRF-protected forms. Without an identity provider the person
 * signs in with a form whose credentials the API checks ({@link ApiSignIn}); with an OAuth 2.0
 * client registration configured ({@code spring.security.oauth2.client.registration.*}), the
 * authorization-code flow of that provider instead, and the access token goes to the API.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    static final String[] PAGES = {"/", "/login", "/logout", "/contacts", "/contacts/**", "/analytics",
            "/reports/**", "/mentees", "/mentees/**", "/profile", "/profile/**", "/pages/**",
            "/oauth2/**", "/login/oauth2/**"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain pageSecurity(HttpSecurity http, Api api,
                                     ObjectProvider<ClientRegistrationRepository> identityProviders) throws Exception {
        http.securityMatcher(PAGES)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/pages/**").permitAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(
                        (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/login?expired")));
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login"));
        } else {
            http.authenticationManager(new ProviderManager(new ApiSignIn(api)))
                    .formLogin(form -> form.loginPage("/login")
                            .usernameParameter("username").passwordParameter("password")
                            .failureHandler((request, response, failure) -> {
                                request.getSession().setAttribute(SignInController.FAILURE, failure.getMessage());
                                response.setStatus(HttpServletResponse.SC_FOUND);
                                response.sendRedirect(request.getContextPath() + "/login?error");
                            })
                            .defaultSuccessUrl("/", false));
        }
        return http.build();
    }
}

package app.rapport.query.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The one opening in the platform's rule that every request signs in: reading a calendar feed,
 * whose unguessable token is its credential, since Google Calendar, Apple Calendar and
 * Thunderbird fetch a subscription without one. This chain matches exactly a GET (or HEAD) of
 * {@code /calendar/<one path segment>.ics} and runs before the platform's; every other request,
 * any other method on that path included, still meets the platform's chain and its sign-in.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeedSecurity {

    static final String FEEDS = "/calendar/*.ics";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain calendarFeedReads(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, FEEDS),
                        paths.matcher(HttpMethod.HEAD, FEEDS)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}

package app.rapport.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The pages as a web app of their own, for the split deployment: no database and no event store,
 * only the API's base URLs ({@link WebProperties}). The pages themselves come in through
 * {@link PagesAutoConfiguration}, as they do in the standalone app. Nobody signs in to this app
 * itself (the API checks every credential), so Boot's generated user is left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
public class WebApplication {

    public static void main(String[] args) {
        // a name of its own: the standalone app has this module on its class path beside its application.yml
        new SpringApplicationBuilder(WebApplication.class).properties("spring.config.name=rapport-web").run(args);
    }
}

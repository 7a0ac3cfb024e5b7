package app.rapport.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides in one process, for one person on one laptop: the command side's and the query
 * side's components without their application classes, on an embedded PostgreSQL unless
 * {@code spring.datasource.url} names a server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(
        basePackages = {"app.rapport.command", "app.rapport.query", "app.rapport.standalone"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication rapport = new SpringApplication(StandaloneApplication.class);
        rapport.addListeners(new StartChecks());
        try {
            rapport.run(args);
        } catch (RuntimeException failed) {
            if (StartRefused.foundIn(failed) != null) {
                System.exit(StartRefused.EXIT_CODE);
            }
            throw failed;
        }
    }
}

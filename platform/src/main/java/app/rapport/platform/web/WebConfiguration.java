package app.rapport.platform.web;

import app.rapport.platform.PlatformProperties;
import app.rapport.platform.identity.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The HTTP edge both sides share: body limits and problem documents for every failure. */
@Configuration(proxyBeanMethods = false)
@Import({ProblemResponses.class, ProblemErrorController.class, OpenApiConfiguration.class})
public class WebConfiguration {

    @Bean
    CurrentUser currentUser(PlatformProperties properties) {
        return new CurrentUser(properties.defaultUser());
    }

    /**
     * Request bodies hold times as ISO-8601 strings only ({@link IsoInstantDeserializer}) and text
     * without control characters ({@link PlainTextDeserializer}).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestValues() {
        return builder -> builder
                .deserializerByType(Instant.class, new IsoInstantDeserializer())
                .deserializerByType(String.class, new PlainTextDeserializer());
    }

    @Bean
    FilterRegistrationBean<PlainParametersFilter> plainParametersFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new PlainParametersFilter(json));
        // the API's parameters only: a page's form posts its fields as parameters, and a note may hold line breaks
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Times in query parameters follow the same rule as in bodies: ISO-8601, years 1 to 9999. */
    @Bean
    WebMvcConfigurer supportedTimesInParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, Instant.class, SupportedTimes::parse);
            }
        };
    }

    /**
     * Replaces Tomcat's HTML error page with a problem document. Unordered, this customizer runs
     * after Spring Boot's (order 0), so it finds and removes the report valve Boot added to the
     * host; naming its class on the host keeps Tomcat from adding its default one at start.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ProblemErrorReportValve(json));
            if (context.getParent() instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties,
                                                                         ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.http(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

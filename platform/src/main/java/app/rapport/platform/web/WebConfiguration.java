package app.rapport.platform.web;

import app.rapport.platform.PlatformProperties;
import app.rapport.platform.identity.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** The HTTP edge both sides share: body limits and problem documents for every failure. */
@Configuration(proxyBeanMethods = false)
@Import({ProblemResponses.class, OpenApiConfiguration.class})
public class WebConfiguration {

    @Bean
    CurrentUser currentUser(PlatformProperties properties) {
        return new CurrentUser(properties.defaultUser());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties,
                                                                         ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.http().maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

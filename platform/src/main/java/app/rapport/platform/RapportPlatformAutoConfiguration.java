package app.rapport.platform;

import java.time.Clock;

import app.rapport.platform.axon.AxonStorageConfiguration;
import app.rapport.platform.axon.EventProcessorConfiguration;
import app.rapport.platform.observability.ObservabilityConfiguration;
import app.rapport.platform.privacy.PrivacyConfiguration;
import app.rapport.platform.security.SecurityConfiguration;
import app.rapport.platform.web.WebConfiguration;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring configuration both sides need, applied to any app that has this module on its
 * classpath. It runs before Axon's own auto-configuration so that its schema and serializer beans
 * replace Axon's defaults, and before Spring Boot's error page so that errors stay problem documents.
 */
@AutoConfiguration(before = {
        JdbcAutoConfiguration.class,
        AxonAutoConfiguration.class,
        ObjectMapperAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@EnableConfigurationProperties({PlatformProperties.class, PracticeSettings.class})
@Import({
        AxonStorageConfiguration.class,
        EventProcessorConfiguration.class,
        ObservabilityConfiguration.class,
        PrivacyConfiguration.class,
        SecurityConfiguration.class,
        WebConfiguration.class})
public class RapportPlatformAutoConfiguration {

    /** The one source of "now" for both sides; tests replace it with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

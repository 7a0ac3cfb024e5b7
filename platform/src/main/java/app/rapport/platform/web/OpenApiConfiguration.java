package app.rapport.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description at {@code /v3/api-docs}: what the API is and how to sign in to it. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI rapportOpenApi(@Value("${spring.application.name:rapport}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title("Rapport (" + application + ")")
                        .version("1")
                        .description("An event-sourced journal of informational interviews. Errors are RFC 9457 "
                                + "problem documents; every command answers the contact's version and the "
                                + "event's position, which queries accept as consistentWith."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

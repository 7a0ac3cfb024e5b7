package app.rapport.platform.web;

import java.util.List;

import app.rapport.platform.openapi.ApiConventions;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description at {@code /v3/api-docs}: what the API is and how to sign in to it, with the
 * conventions of {@code docs/openapi.md} applied to every operation ({@link ApiConventions}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI rapportOpenApi(@Value("${spring.application.name:rapport}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title("Rapport (" + application + ")")
                        .version("1")
                        .description("An event-sourced journal of informational interviews. Errors are RFC 9457 "
                                + "problem documents (`application/problem+json`, schema `Problem`) whose `type` "
                                + "names the rule; no input answers 5xx but 503 for a read model still catching up. "
                                + "Every command answers the contact's `version` (also its ETag, for `If-Match`) "
                                + "and the `position` of its last event, which every query accepts as "
                                + "`consistentWith` to read its own writes. Times are ISO-8601 instants in UTC, "
                                + "ids UUIDs, chosen by the client on creates for a safe retry."))
                // relative: the description is the same whatever address serves it, and a client calls its own
                .servers(List.of(new Server().url("/").description("The address the description was read from")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ApiConventions rapportApiConventions() {
        return new ApiConventions();
    }
}

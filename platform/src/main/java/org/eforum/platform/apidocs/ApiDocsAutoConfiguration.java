package org.eforum.platform.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import org.eforum.platform.security.Roles;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Every app publishes its JSON API as OpenAPI 3.1 at {@code /v3/api-docs} with Swagger UI at
 * {@code /swagger-ui.html}, and the Kafka events' AsyncAPI document at {@code /docs/asyncapi.yaml}. They are public
 * in the {@code local} profile, for operators anywhere else (they map every endpoint a deployment exposes).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocsAutoConfiguration {

    static final String[] DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**", "/docs/**"};

    @Bean
    OpenApiCustomizer eforumApiDocs(Environment environment,
            ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        return new EforumApiDocs(environment.getProperty("spring.application.name", "E-Forum"),
                privileges::getIfAvailable);
    }

    /** Ahead of each app's own chain, which would otherwise decide these paths by its catch-all rule. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, Environment environment) throws Exception {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        return http.securityMatcher(DOCS_PATHS)
                .authorizeHttpRequests(requests -> {
                    if (local) {
                        requests.anyRequest().permitAll();
                    } else {
                        requests.anyRequest().hasRole(Roles.OPERATOR);
                    }
                })
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** The AsyncAPI document and the JSON Schemas it refers to (relative {@code schemas/…} references). */
    @Bean
    RouterFunction<ServerResponse> eventDocs() {
        MediaType yaml = MediaType.parseMediaType("application/yaml");
        MediaType schemaJson = MediaType.parseMediaType("application/schema+json");
        return RouterFunctions.route()
                .GET("/docs/asyncapi.yaml", request -> ServerResponse.ok().contentType(yaml)
                        .body(new ClassPathResource("asyncapi.yaml")))
                .GET("/docs/schemas/{name}", request -> {
                    String name = request.pathVariable("name");
                    ClassPathResource schema = new ClassPathResource("schemas/" + name);
                    if (!name.matches("[a-z0-9.-]+\\.schema\\.json") || !schema.exists()) {
                        return ServerResponse.status(HttpStatus.NOT_FOUND).build();
                    }
                    return ServerResponse.ok().contentType(schemaJson).body(schema);
                })
                .build();
    }
}

package org.eforum.platform.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.eforum.platform.security.Roles;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * What every app's OpenAPI document says beyond its controllers: the title, the link to the events' AsyncAPI
 * document, the HTTP Basic scheme, the RFC 9457 problem every error answers with, and which operations need which
 * role. The roles are read from the app's own security rules (by asking them about each path), so the document
 * cannot drift from what the app enforces.
 */
class EforumApiDocs implements OpenApiCustomizer {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    /** What the platform's CrossSiteApiGuard asks of every POST with credentials. */
    static final String CROSS_SITE = "A POST with credentials must send `Content-Type: application/json`, also "
            + "when it has no body (e.g. `curl -u operator:… -X POST -H 'Content-Type: application/json' …`): "
            + "a form or an image on another site cannot, so a browser's cached login cannot be used against the API.";
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-docs", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final String application;
    private final Supplier<WebInvocationPrivilegeEvaluator> privileges;

    EforumApiDocs(String application, Supplier<WebInvocationPrivilegeEvaluator> privileges) {
        this.application = application;
        this.privileges = privileges;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title("E-Forum " + application).version("v1")
                        .description("The JSON API of " + application + ". Errors are application/problem+json "
                                + "(RFC 9457); a 400 lists each invalid field in `errors`. Protected operations take "
                                + "HTTP Basic; the role each needs is named in its security requirement. "
                                + CROSS_SITE + " Repeated wrong passwords for one account from one address are "
                                + "answered 429 with Retry-After for a while."))
                .externalDocs(new ExternalDocumentation().url("/docs/asyncapi.yaml")
                        .description("The Kafka events (CloudEvents, AsyncAPI 3.0)"));
        openApi.schemaRequirement(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        WebInvocationPrivilegeEvaluator evaluator = privileges.get();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            addProblemResponses(operation);
            if (evaluator != null) {
                addSecurity(evaluator, path, method, operation);
            }
        }));
    }

    private void addSecurity(WebInvocationPrivilegeEvaluator evaluator, String path, PathItem.HttpMethod method,
            Operation operation) {
        // A path variable stands for any value the app's rules would match with a wildcard.
        String uri = path.replaceAll("\\{[^}]+}", "x");
        if (evaluator.isAllowed("", uri, method.name(), ANONYMOUS)) {
            return;
        }
        List<String> roles = new ArrayList<>();
        for (String role : List.of(Roles.ORGANISER, Roles.OPERATOR)) {
            Authentication user = UsernamePasswordAuthenticationToken.authenticated(role.toLowerCase(), null,
                    AuthorityUtils.createAuthorityList("ROLE_" + role));
            if (evaluator.isAllowed("", uri, method.name(), user)) {
                roles.add(role);
            }
        }
        // OpenAPI 3.1 lets a non-OAuth requirement name the roles it needs.
        operation.addSecurityItem(new SecurityRequirement().addList(BASIC, roles));
        if (method == PathItem.HttpMethod.POST) {
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + CROSS_SITE);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.putIfAbsent("403", new ApiResponse().content(problemContent()).description(
                    "The account may not do this, or the request is one a cross-site page could have sent (no "
                            + "JSON Content-Type)"));
            operation.setResponses(responses);
        }
    }

    private static void addProblemResponses(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Content problem = problemContent();
        responses.putIfAbsent("4XX", new ApiResponse().content(problem)
                .description("The request was refused; the problem says why (400: `errors` per field)"));
        responses.putIfAbsent("5XX", new ApiResponse().content(problem).description("The service failed"));
        operation.setResponses(responses);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field's JSON path, e.g. consents.dataProcessing"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", new StringSchema().format("uri").example("about:blank"),
                        "title", new StringSchema().example("Invalid request"),
                        "status", new IntegerSchema().example(400),
                        "detail", new StringSchema(),
                        "instance", new StringSchema().format("uri"),
                        "errors", new ArraySchema().items(fieldError)
                                .description("One entry per invalid field (400 only)")));
    }
}

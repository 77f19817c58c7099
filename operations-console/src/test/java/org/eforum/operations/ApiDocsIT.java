package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.eforum.testsupport.ApiDocsCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The console's API is published as OpenAPI for operators, every endpoint included, with the problem shape. */
class ApiDocsIT extends ConsoleIntegrationSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void everyControllerEndpointIsInTheOpenApiDocument() throws Exception {
        JsonNode docs = getJson("/v3/api-docs");

        assertThat(ApiDocsCoverage.endpoints(context)).contains("GET /api/dead-letters",
                "POST /api/dead-letters/{id}/redrive", "GET /api/topics");
        assertThat(ApiDocsCoverage.undocumented(context, docs)).isEmpty();
        assertThat(docs.path("openapi").asString()).startsWith("3.1");
        assertThat(docs.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(docs.at("/components/schemas/Problem/properties").has("errors")).isTrue();
        assertThat(docs.at("/paths/~1api~1topics/get/responses/4XX/content").has("application/problem+json")).isTrue();
        assertThat(docs.at("/paths/~1api~1topics/get/security/0/basicAuth/0").asString()).isEqualTo("OPERATOR");
        assertThat(docs.at("/externalDocs/url").asString()).isEqualTo("/docs/asyncapi.yaml");
    }

    @Test
    void theDocumentsAreForOperatorsOutsideTheLocalProfile() throws Exception {
        assertThat(get("/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", "organiser", "organiser-pw").statusCode()).isEqualTo(403);
        assertThat(get("/swagger-ui/index.html", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/swagger-ui/index.html", "operator", "operator-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void theAsyncApiDocumentAndItsSchemasAreServed() throws Exception {
        assertThat(get("/docs/asyncapi.yaml", "operator", "operator-pw").body()).startsWith("asyncapi: 3.0.0");
        assertThat(get("/docs/schemas/registration-event.v1.schema.json", "operator", "operator-pw").body())
                .contains("\"$schema\"");
        assertThat(get("/docs/schemas/application.yml", "operator", "operator-pw").statusCode()).isEqualTo(404);
    }
}

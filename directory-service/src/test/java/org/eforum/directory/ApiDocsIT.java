package org.eforum.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.eforum.testsupport.ApiDocsCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The directory's API is published as OpenAPI: every endpoint, who may call it, and the problem shape. */
class ApiDocsIT extends AbstractDirectoryIT {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void everyControllerEndpointIsInTheOpenApiDocument() {
        JsonNode docs = ApiDocsCoverage.apiDocs(port, OPERATOR, OPERATOR_PASSWORD);

        assertThat(ApiDocsCoverage.endpoints(context)).contains("GET /api/directory/stakeholders",
                "GET /api/directory/conferences/{id}/participants");
        assertThat(ApiDocsCoverage.undocumented(context, docs)).isEmpty();
        assertThat(docs.at("/paths/~1api~1directory~1stakeholders/get").has("security")).isFalse();
        assertThat(docs.at("/paths/~1api~1directory~1conferences~1{id}~1participants/get/security/0/basicAuth/0")
                .asString()).isEqualTo("ORGANISER");
        assertThat(docs.at("/components/schemas/Problem/properties").has("errors")).isTrue();
    }

    @Test
    void aProtectedPostSaysItNeedsTheJsonTypeEvenWithoutABody() {
        JsonNode docs = ApiDocsCoverage.apiDocs(port, OPERATOR, OPERATOR_PASSWORD);

        JsonNode rebuild = docs.at("/paths/~1api~1directory~1rebuild/post");
        assertThat(rebuild.path("description").asString()).contains("Content-Type: application/json");
        assertThat(rebuild.at("/responses/403/description").asString()).contains("cross-site");
        assertThat(docs.at("/info/description").asString()).contains("Content-Type: application/json");
    }

    @Test
    void theDocumentIsForOperatorsOutsideTheLocalProfile() {
        assertThat(ApiDocsCoverage.get(port, "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        assertThat(ApiDocsCoverage.get(port, "/swagger-ui/index.html", OPERATOR, OPERATOR_PASSWORD).statusCode())
                .isEqualTo(200);
    }
}

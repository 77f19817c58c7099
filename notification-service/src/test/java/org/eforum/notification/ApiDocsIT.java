package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.eforum.testsupport.ApiDocsCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The delivery log's API is published as OpenAPI: every endpoint, who may call it, and the problem shape. */
class ApiDocsIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void everyControllerEndpointIsInTheOpenApiDocument() {
        JsonNode docs = ApiDocsCoverage.apiDocs(port, "operator", "operator-test");

        assertThat(ApiDocsCoverage.endpoints(context)).contains("GET /api/notifications");
        assertThat(ApiDocsCoverage.undocumented(context, docs)).isEmpty();
        assertThat(docs.at("/paths/~1api~1notifications/get/security/0/basicAuth").toString())
                .contains("ORGANISER", "OPERATOR");
        // The log's kinds, the moderated registration's and the corrections' among them, for its readers to label.
        assertThat(docs.at("/components/schemas/DeliveryLogEntry/properties/kind/enum").toString())
                .contains("\"PARTICIPANT_CONFIRMED\"", "\"PARTICIPANT_SUBMITTED\"", "\"PARTICIPANT_APPROVED\"",
                        "\"PARTICIPANT_APPROVED_WAITLISTED\"", "\"PARTICIPANT_DECLINED\"",
                        "\"PARTICIPANT_DETAILS_CHANGED\"", "\"PARTICIPANT_CONFIRM_NEW_EMAIL\"",
                        "\"ORGANISER_AWAITING_APPROVAL\"", "\"ORGANISER_DETAILS_CHANGED\"");
    }

    @Test
    void theDocumentIsForOperatorsOutsideTheLocalProfile() {
        assertThat(ApiDocsCoverage.get(port, "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        assertThat(ApiDocsCoverage.get(port, "/v3/api-docs", "organiser", "organiser-test").statusCode())
                .isEqualTo(403);
    }
}

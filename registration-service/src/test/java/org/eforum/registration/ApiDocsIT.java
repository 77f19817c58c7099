package org.eforum.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.eforum.testsupport.ApiDocsCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The registration API is published as OpenAPI: every endpoint, who may call it, and the problem shape. */
class ApiDocsIT extends IntegrationSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void everyControllerEndpointIsInTheOpenApiDocument() {
        JsonNode docs = ApiDocsCoverage.apiDocs(port, "operator", "operator");

        assertThat(ApiDocsCoverage.endpoints(context)).contains("POST /api/conferences",
                "POST /api/conferences/{conferenceId}/registrations", "POST /api/registrations/{id}/cancel");
        assertThat(ApiDocsCoverage.undocumented(context, docs)).isEmpty();
        // Public: anyone may register; an organiser creates conferences.
        assertThat(docs.at("/paths/~1api~1conferences~1{conferenceId}~1registrations/post").has("security")).isFalse();
        assertThat(docs.at("/paths/~1api~1conferences/post/security/0/basicAuth/0").asString()).isEqualTo("ORGANISER");
        assertThat(docs.at("/paths/~1api~1conferences/post/responses/4XX/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
        // The organisers' list comes as JSON, CSV or an Excel workbook.
        JsonNode list = docs.at("/paths/~1api~1conferences~1{conferenceId}~1registrations/get/responses/200/content");
        assertThat(list.has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).as(list.toString()).isTrue();
        assertThat(list.has("text/csv")).as(list.toString()).isTrue();
        assertThat(list.has("application/json")).as(list.toString()).isTrue();
        // The public registration says what a repeat and the rate limit answer.
        JsonNode register = docs.at("/paths/~1api~1conferences~1{conferenceId}~1registrations/post/responses");
        assertThat(register.at("/201/content/application~1json/schema/$ref").asString()).endsWith("RegistrationCreated");
        assertThat(register.at("/409/description").asString()).contains("names nothing of that registration");
        assertThat(register.has("429")).isTrue();
        assertThat(register.at("/429/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(register.at("/429/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theParticipantsCorrectionsArePublicAndSayWhatTheyAnswer() {
        JsonNode docs = ApiDocsCoverage.apiDocs(port, "operator", "operator");

        JsonNode correct = docs.at("/paths/~1api~1registrations~1{id}~1details/put");
        assertThat(correct.has("security")).as("the token is the credential").isFalse();
        assertThat(correct.at("/responses").has("202")).isTrue();
        assertThat(correct.at("/responses/409/description").asString()).contains("another registration");
        assertThat(correct.at("/responses").has("429")).isTrue();
        JsonNode view = docs.at("/components/schemas/CorrectedRegistrationView/properties");
        assertThat(view.has("email") && view.has("pendingEmail")).as(view.toString()).isTrue();
        JsonNode confirm = docs.at("/paths/~1api~1registrations~1{id}~1email~1confirm/post");
        assertThat(confirm.has("security")).isFalse();
        assertThat(confirm.at("/responses/404/description").asString()).contains("expired or used token");
    }

    @Test
    void theDocumentIsForOperatorsOutsideTheLocalProfile() {
        assertThat(ApiDocsCoverage.get(port, "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        assertThat(ApiDocsCoverage.get(port, "/v3/api-docs", "organiser", "organiser").statusCode()).isEqualTo(403);
    }
}

package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The mail counters per kind, in Prometheus format, for operators. */
class MetricsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void prometheusShowsTheMailCountersPerKindToOperatorsOnly() throws Exception {
        HttpResponse<String> operator = get("/actuator/prometheus", "operator:operator-test");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("eforum_mail_sent_total{", "kind=\"PARTICIPANT_CONFIRMED\"",
                "eforum_mail_retried_total{", "eforum_mail_failed_total{", "kind=\"ORGANISER_DIGEST\"");
        assertThat(get("/actuator/metrics/eforum.mail.sent", "operator:operator-test").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "organiser:organiser-test").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

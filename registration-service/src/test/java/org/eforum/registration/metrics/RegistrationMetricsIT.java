package org.eforum.registration.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eforum.registration.IntegrationSupport;
import org.junit.jupiter.api.Test;

/** An operator's Prometheus sees registrations by status and the outboxes' backlog. */
class RegistrationMetricsIT extends IntegrationSupport {

    @Test
    void registrationsByStatusAndTheOutboxBacklogAreScrapedByOperatorsOnly() {
        double confirmedBefore = gauge(scrape(), "eforum_registrations", "status=\"CONFIRMED\"");
        double waitlistedBefore = gauge(scrape(), "eforum_registrations", "status=\"WAITLISTED\"");
        String conference = createConference("metrics", 1);
        register(conference, registrationJson("Mila", "Metric", "mila.metric@example.org"));
        register(conference, registrationJson("Nina", "Metric", "nina.metric@example.org"));

        String scraped = scrape();
        assertThat(gauge(scraped, "eforum_registrations", "status=\"CONFIRMED\"")).isEqualTo(confirmedBefore + 1);
        assertThat(gauge(scraped, "eforum_registrations", "status=\"WAITLISTED\"")).isEqualTo(waitlistedBefore + 1);
        assertThat(scraped).contains("eforum_outbox_pending{collection=\"registrations\"")
                .contains("eforum_outbox_oldest_age_seconds{collection=\"erasures\"");

        assertThat(get("/actuator/prometheus", "text/plain", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "text/plain", ORGANISER).statusCode()).isEqualTo(403);
    }

    private String scrape() {
        HttpResponse<String> response = get("/actuator/prometheus", "text/plain", OPERATOR);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double gauge(String scraped, String name, String label) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$")
                .matcher(scraped);
        assertThat(matcher.find()).as(name + " " + label).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}

package org.eforum.registration.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.eforum.registration.IntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * A service whose only trusted proxy is 192.0.2.1: the tests' loopback connections are then clients themselves,
 * and whatever {@code X-Forwarded-For} they send is not believed, so a new address per request gains nothing.
 *
 * <p>Its own context and broker. The broker's address goes to a property of its own, not to
 * {@code spring.kafka.bootstrap-servers}, which the other tests' shared context reads as a system property.
 */
@TestPropertySource(properties = {
        "server.tomcat.remoteip.internal-proxies=192[.]0[.]2[.]1",
        "spring.kafka.bootstrap-servers=${untrusted-proxy-it.kafka}"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "untrusted-proxy-it.kafka")
class UntrustedProxyIT extends IntegrationSupport {

    @Test
    void aForwardedAddressFromAConnectionThatIsNoTrustedProxyIsNotBelieved() {
        String conference = createConference("untrusted", 40);
        for (int i = 1; i <= 10; i++) {
            assertThat(registerFrom("198.51.100." + i, conference,
                    registrationJson("Ana", "No" + i, "ana" + i + "@untrusted.example.org")).statusCode())
                    .as("submit %d", i).isEqualTo(201);
        }

        HttpResponse<String> eleventh = registerFrom("198.51.100.11", conference,
                registrationJson("Ana", "Eleven", "ana11@untrusted.example.org"));

        assertThat(eleventh.statusCode()).as("all eleven came from the one loopback client").isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    }
}

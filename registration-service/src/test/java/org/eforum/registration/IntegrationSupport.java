package org.eforum.registration;

import org.eforum.testsupport.MongoWireServerInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port with a real Kafka broker (KRaft) and a real MongoDB-wire server. Every
 * integration test extends this class and adds no configuration of its own, so all of them share one Spring
 * context, one broker and one store; each test makes its own conference, so they never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eforum.registration.token-secret=integration-tests-only-secret-0123456789abcdef",
        "eforum.organiser.name=Ministry of Labour and Social Policy", "eforum.organiser.email=dpo@mlsp.example.bg",
        // Tests run the reconciler's rounds themselves; a scheduled round in between would count as one of them.
        "eforum.registration.reconcile-interval=1h",
        // The metrics test reads a gauge right after a registration; production counts at most every 15 s.
        "eforum.registration.status-count-max-age=0s",
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "organiser" and "operator".
        "eforum.security.accounts[0].username=organiser",
        "eforum.security.accounts[0].password={bcrypt}$2a$04$Ihdkhft1nnAnd7OZpSt3Gebctri9CMjybxGwOtVb.cBYn4h3nxWXe",
        "eforum.security.accounts[0].roles[0]=ORGANISER",
        "eforum.security.accounts[1].username=operator",
        "eforum.security.accounts[1].password={bcrypt}$2a$04$Y5IjzSuz3R3Ksm39jZb97.enAOp2jKY4pcMRFLFuQHplkVXp9pvIG",
        "eforum.security.accounts[1].roles[0]=OPERATOR",
        // An erased person's key leaves the person-keys topic within seconds here (CryptoShreddingIT).
        "eforum.kafka.person-keys.segment=2s", "eforum.kafka.person-keys.delete-retention=1s"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {"log.cleaner.backoff.ms=200", "log.retention.check.interval.ms=1000"})
@ContextConfiguration(initializers = MongoWireServerInitializer.class)
public abstract class IntegrationSupport extends ServiceTestSupport {

    /** The delivery log on the registration pages comes from a stand-in for notification-service's API. */
    @DynamicPropertySource
    static void notificationApi(DynamicPropertyRegistry registry) {
        registry.add("eforum.registration.notification-api.url", NotificationApiStub::url);
        registry.add("eforum.registration.notification-api.username", () -> NotificationApiStub.USERNAME);
        registry.add("eforum.registration.notification-api.password", () -> NotificationApiStub.PASSWORD);
        registry.add("eforum.registration.notification-api.timeout", () -> "1s");
    }
}

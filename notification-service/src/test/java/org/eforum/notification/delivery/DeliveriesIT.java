package org.eforum.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eforum.notification.IntegrationTest;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The claim protocol against the MongoDB-wire server: who may send a delivery, and when. */
class DeliveriesIT extends IntegrationTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    Deliveries deliveries;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aClaimInProgressBlocksOthersUntilItsLeaseExpires() {
        DeliveryRequest request = request();

        Claim first = deliveries.claim(request, "<id@eforum.local>", now, LEASE);
        assertThat(first.outcome()).isEqualTo(Claim.Outcome.ACQUIRED);
        assertThat(first.delivery().attempts()).isEqualTo(1);
        assertThat(first.delivery().status()).isEqualTo(DeliveryStatus.RETRYING);

        assertThat(deliveries.claim(request, "<id@eforum.local>", now.plusSeconds(59), LEASE).outcome())
                .isEqualTo(Claim.Outcome.HELD_ELSEWHERE);

        Claim takenOver = deliveries.claim(request, "<id@eforum.local>", now.plusSeconds(61), LEASE);
        assertThat(takenOver.outcome()).isEqualTo(Claim.Outcome.ACQUIRED);
        assertThat(takenOver.delivery().attempts()).isEqualTo(2);
    }

    @Test
    void aFailedAttemptReleasesTheClaimAtOnceAndASentDeliveryIsNeverClaimedAgain() {
        DeliveryRequest request = request();
        deliveries.claim(request, "<id@eforum.local>", now, LEASE);

        deliveries.markRetrying(request.deliveryId(), "MailSendException: connection refused", now.plusSeconds(1));
        Claim retry = deliveries.claim(request, "<id@eforum.local>", now.plusSeconds(2), LEASE);
        assertThat(retry.outcome()).isEqualTo(Claim.Outcome.ACQUIRED);
        assertThat(retry.delivery().attempts()).isEqualTo(2);
        assertThat(retry.delivery().lastError()).isEqualTo("MailSendException: connection refused");

        deliveries.markSent(request.deliveryId(), now.plusSeconds(3));
        Claim again = deliveries.claim(request, "<id@eforum.local>", now.plus(Duration.ofDays(1)), LEASE);
        assertThat(again.outcome()).isEqualTo(Claim.Outcome.ALREADY_SENT);
        assertThat(again.delivery().sentAt()).isEqualTo(now.plusSeconds(3));
        assertThat(again.delivery().attempts()).isEqualTo(2);
    }

    @Test
    void aFailedDeliveryIsNotRetried() {
        DeliveryRequest request = request();
        deliveries.claim(request, "<id@eforum.local>", now, LEASE);
        deliveries.markFailed(request.deliveryId(), "invalid address", now);

        assertThat(deliveries.claim(request, "<id@eforum.local>", now.plus(Duration.ofDays(1)), LEASE).outcome())
                .isEqualTo(Claim.Outcome.ALREADY_FAILED);
    }

    @Test
    void theLogListsARegistrationsDeliveriesOldestFirst() {
        String registrationId = unique("reg");
        DeliveryRequest first = new DeliveryRequest(UUID.randomUUID(), registrationId, "forum", 1,
                MailKind.PARTICIPANT_WAITLISTED, "a@example.org", List.of(), MailLanguage.EN);
        DeliveryRequest second = new DeliveryRequest(UUID.randomUUID(), registrationId, "forum", 2,
                MailKind.PARTICIPANT_PROMOTED, "a@example.org", List.of(), MailLanguage.EN);
        deliveries.claim(second, "<2@eforum.local>", now.plusSeconds(5), LEASE);
        deliveries.claim(first, "<1@eforum.local>", now, LEASE);

        assertThat(deliveries.ofRegistration(registrationId)).extracting(Delivery::kind)
                .containsExactly(MailKind.PARTICIPANT_WAITLISTED, MailKind.PARTICIPANT_PROMOTED);
        assertThat(deliveries.highestSequence(registrationId)).hasValue(2);
    }

    private static DeliveryRequest request() {
        return new DeliveryRequest(UUID.randomUUID(), unique("reg"), "forum", 1, MailKind.PARTICIPANT_CONFIRMED,
                unique("p") + "@example.org", List.of(), MailLanguage.EN);
    }
}

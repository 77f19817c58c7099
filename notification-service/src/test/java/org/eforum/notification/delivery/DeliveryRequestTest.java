package org.eforum.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eforum.contracts.event.EmailHash;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.junit.jupiter.api.Test;

class DeliveryRequestTest {

    private static final UUID EVENT = UUID.fromString("0b8e5d4e-6a55-4c36-9d6a-1f2c3b4a5d6e");

    static {
        // as the platform does at start-up: the person ids are keyed with the services' shared secret
        EmailHash.useKey("delivery-request-test-address-key-0123456789");
    }

    @Test
    void aParticipantMailIsKeyedByEventKindAndTheHashOfTheAddressSoTheIdHoldsNoAddress() {
        DeliveryRequest request = new DeliveryRequest(EVENT, "r1", "c1", 1, MailKind.PARTICIPANT_CONFIRMED,
                " Maria@Example.org", List.of(), MailLanguage.EN);
        assertThat(request.deliveryId()).isEqualTo(EVENT + ":PARTICIPANT_CONFIRMED:" + EmailHash.of("maria@example.org"))
                .doesNotContainIgnoringCase("maria");
    }

    @Test
    void anOrganiserMailIsKeyedByTheRoleSoAContactChangeCannotDuplicateIt() {
        DeliveryRequest before = new DeliveryRequest(EVENT, "r1", "c1", 1, MailKind.ORGANISER_REGISTERED,
                "old@forum.example.org", List.of("cc@forum.example.org"), MailLanguage.BG);
        DeliveryRequest after = new DeliveryRequest(EVENT, "r1", "c1", 1, MailKind.ORGANISER_REGISTERED,
                "new@forum.example.org", List.of(), MailLanguage.BG);
        assertThat(before.deliveryId()).isEqualTo(after.deliveryId())
                .isEqualTo(EVENT + ":ORGANISER_REGISTERED:organisers");
    }

    @Test
    void withoutErasedLeavesOutErasedCcAndReplyToAndKeepsWhoTheMailIsToAndAbout() {
        DeliveryRequest request = new DeliveryRequest(EVENT, "r1", "c1", 1, MailKind.ORGANISER_REGISTERED,
                "contact@forum.example.org", List.of("Gone@Forum.example.org", "kept@forum.example.org"),
                MailLanguage.EN, "maria@example.org", "reply@forum.example.org");

        DeliveryRequest cleaned = request.without(Set.of(EmailHash.of("gone@forum.example.org"),
                EmailHash.of("reply@forum.example.org")));

        assertThat(cleaned.cc()).containsExactly("kept@forum.example.org");
        assertThat(cleaned.replyTo()).isNull();
        assertThat(cleaned.recipient()).isEqualTo("contact@forum.example.org");
        assertThat(cleaned.about()).isEqualTo("maria@example.org");
        assertThat(cleaned.deliveryId()).isEqualTo(request.deliveryId());
    }
}

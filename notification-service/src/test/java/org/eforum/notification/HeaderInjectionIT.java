package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.conference;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;

/** Whatever a participant types, it can never add a header or a recipient. */
class HeaderInjectionIT extends IntegrationTest {

    private static final String EVIL = "evil@example.org";

    @Test
    void aNameWithALineBreakAndABccAddsNoRecipientAndNoHeader() throws Exception {
        String email = unique("mallory") + "@example.org";
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        Participant mallory = new Participant("Mallory\r\nBcc: " + EVIL, "Smith\nX-Injected: yes",
                email, "Evil Corp\r\nCc: " + EVIL, StakeholderType.OTHER, "BG", null, "en",
                new Consents(true, false, false));

        publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1, mallory, conference));

        ReceivedMail participantMail = awaitInbox(email, 1).get(0);
        ReceivedMail organiserMail = awaitInbox(contact, 1).get(0);
        assertThat(participantMail.to()).containsExactly(email);
        assertThat(organiserMail.to()).containsExactly(contact);
        assertThat(organiserMail.cc()).isEmpty();
        assertThat(organiserMail.subject()).isEqualTo("New registration: Mallory Bcc: " + EVIL
                + " Smith X-Injected: yes – " + Fixtures.TITLE_EN);
        assertThat(inbox(EVIL)).isEmpty();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : received) {
            assertThat(message.getHeader("Bcc")).isNull();
            assertThat(message.getHeader("X-Injected")).isNull();
            assertThat(message.getSubject()).doesNotContain("\r", "\n");
            Arrays.stream(message.getAllRecipients()).map(HeaderInjectionIT::address).forEach(recipients::add);
            assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
        }
        assertThat(recipients).containsExactlyInAnyOrder(email, contact);
    }

    private static String address(Address address) {
        return ((InternetAddress) address).getAddress();
    }
}

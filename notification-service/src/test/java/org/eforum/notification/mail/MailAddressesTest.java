package org.eforum.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailAddressesTest {

    @Test
    void oneBareAddressIsAccepted() {
        assertThat(MailAddresses.parse(" maria.ivanova@example.org ").getAddress()).isEqualTo("maria.ivanova@example.org");
    }

    @Test
    void anythingThatCouldMeanMoreThanOneRecipientIsRefused() {
        for (String value : new String[] {"a@example.org, evil@example.org", "a@example.org\r\nBcc: evil@example.org",
                "Evil <evil@example.org>", "a@example.org evil@example.org", "no-at-sign", "", "a@", "@example.org"}) {
            assertThatThrownBy(() -> MailAddresses.parse(value)).as(value).isInstanceOf(UndeliverableMailException.class);
        }
        assertThatThrownBy(() -> MailAddresses.parse(null)).isInstanceOf(UndeliverableMailException.class);
    }
}

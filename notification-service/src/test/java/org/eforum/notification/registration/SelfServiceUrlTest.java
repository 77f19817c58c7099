package org.eforum.notification.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.eforum.notification.mail.UndeliverableMailException;
import org.junit.jupiter.api.Test;

class SelfServiceUrlTest {

    private static final URI BASE = URI.create("https://eforum.example.org/");

    @Test
    void absoluteHttpLinksStayAndRelativeOnesAreResolved() {
        assertThat(SelfServiceUrl.resolve(BASE, "http://localhost:8081/registrations/r1?token=t"))
                .isEqualTo("http://localhost:8081/registrations/r1?token=t");
        assertThat(SelfServiceUrl.resolve(BASE, "/registrations/r1?token=t"))
                .isEqualTo("https://eforum.example.org/registrations/r1?token=t");
    }

    @Test
    void nothingButHttpReachesAMail() {
        for (String link : new String[] {"javascript:alert(1)", "data:text/html,x", "", " ", "http://exa mple.org/"}) {
            assertThatThrownBy(() -> SelfServiceUrl.resolve(BASE, link)).as(link)
                    .isInstanceOf(UndeliverableMailException.class);
        }
        assertThatThrownBy(() -> SelfServiceUrl.resolve(BASE, null)).isInstanceOf(UndeliverableMailException.class);
    }
}

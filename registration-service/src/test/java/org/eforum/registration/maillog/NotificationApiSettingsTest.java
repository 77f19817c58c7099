package org.eforum.registration.maillog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.eforum.platform.startup.RefusedSetting;
import org.junit.jupiter.api.Test;

/** The delivery log's settings: none is a page that says so, a URL without its account refuses the start. */
class NotificationApiSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void withoutAUrlTheLogIsOffAndTheLogReaderAnswersNothing() {
        NotificationApiSettings none = new NotificationApiSettings(" ", null, null, TIMEOUT);

        assertThat(none.enabled()).isFalse();
        assertThat(new DeliveryLog(none).of("any")).isEmpty();
    }

    @Test
    void aUrlWithoutItsAccountRefusesTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new NotificationApiSettings("http://notification-service:8083", "monitor", "", TIMEOUT))
                .isInstanceOf(RefusedSetting.class)
                .hasMessageContaining("EFORUM_REGISTRATION_NOTIFICATION_API_USERNAME");
    }

    @Test
    void aTrailingSlashIsDropped() {
        assertThat(new NotificationApiSettings("http://localhost:8083/", "operator", "operator", TIMEOUT).url())
                .isEqualTo("http://localhost:8083");
    }
}

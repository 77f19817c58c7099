package org.eforum.notification;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Mails participants and organisers about registrations, once per event and recipient, in their language,
 * and keeps a delivery log. Reads the registrations and conferences topics; writes only to MongoDB and SMTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /** One clock for claims, leases and the log, so that times are comparable (and replaceable in tests). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.eforum.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eforum.notification.mail.MailKind;
import org.springframework.stereotype.Component;

/**
 * Counters per kind of mail: {@code eforum.mail.sent} (accepted by SMTP), {@code eforum.mail.retried} (an attempt
 * failed and will be tried again) and {@code eforum.mail.failed} (never sent: undeliverable, or given up after
 * the retries). In Prometheus: {@code eforum_mail_sent_total{kind="PARTICIPANT_CONFIRMED"}} and so on.
 */
@Component
public class DeliveryMetrics {

    static final String SENT = "eforum.mail.sent";
    static final String RETRIED = "eforum.mail.retried";
    static final String FAILED = "eforum.mail.failed";

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every series exists from the start, so a rate() over a fresh instance is 0, not absent.
        for (MailKind kind : MailKind.values()) {
            counter(SENT, kind);
            counter(RETRIED, kind);
            counter(FAILED, kind);
        }
    }

    void sent(MailKind kind) {
        counter(SENT, kind).increment();
    }

    void retried(MailKind kind) {
        counter(RETRIED, kind).increment();
    }

    void failed(MailKind kind) {
        counter(FAILED, kind).increment();
    }

    private Counter counter(String name, MailKind kind) {
        return Counter.builder(name).tag("kind", kind.name()).description(description(name)).register(registry);
    }

    private static String description(String name) {
        switch (name) {
            case SENT:
                return "Mails accepted by SMTP";
            case RETRIED:
                return "Mail attempts that failed and will be retried";
            default:
                return "Mails given up: undeliverable, or retries exhausted";
        }
    }
}

/**
 * Composing and sending mail: Thymeleaf templates (HTML plus a plain-text alternative) and message bundles in
 * Bulgarian and English, header-safe values, strictly parsed addresses, and the SMTP hand-off with a
 * deterministic Message-ID. Knows nothing about Kafka or the delivery log.
 */
@NullMarked
package org.eforum.notification.mail;

import org.jspecify.annotations.NullMarked;

package org.eforum.notification.mail;

import java.util.List;

import jakarta.mail.internet.InternetAddress;

/**
 * A composed mail, ready for SMTP. From and Message-ID are added when it is sent.
 *
 * @param replyTo may be null
 */
public record OutgoingMail(
        MailKind kind,
        MailLanguage language,
        InternetAddress to,
        List<InternetAddress> cc,
        InternetAddress replyTo,
        String subject,
        String text,
        String html) {

    public OutgoingMail {
        cc = List.copyOf(cc);
        subject = HeaderText.singleLine(subject);
    }
}

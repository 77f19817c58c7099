package org.eforum.notification.mail;

import java.util.List;

import jakarta.mail.internet.InternetAddress;

/**
 * A composed mail, ready for SMTP. From and Message-ID are added when it is sent.
 *
 * @param replyTo     may be null
 * @param attachments files after the bodies (e.g. a calendar entry); usually none
 */
public record OutgoingMail(
        MailKind kind,
        MailLanguage language,
        InternetAddress to,
        List<InternetAddress> cc,
        InternetAddress replyTo,
        String subject,
        String text,
        String html,
        List<Attachment> attachments) {

    public OutgoingMail {
        cc = List.copyOf(cc);
        subject = HeaderText.singleLine(subject);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(MailKind kind, MailLanguage language, InternetAddress to, List<InternetAddress> cc,
            InternetAddress replyTo, String subject, String text, String html) {
        this(kind, language, to, cc, replyTo, subject, text, html, List.of());
    }
}

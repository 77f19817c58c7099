package org.eforum.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

/**
 * Hands a composed mail to SMTP as multipart/alternative (plain text first, HTML last, as clients show the
 * last part they understand) with {@code Content-Language} and a Message-ID given by the caller. A Message-ID
 * derived from the delivery means that even a mail sent twice after a crash is recognisably the same mail.
 * Messages are built in one shared {@code Session} and sent over {@link SmtpConnections}, which reuses connections.
 */
@Component
public class SmtpMailer {

    private final SmtpConnections connections;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    public SmtpMailer(SmtpConnections connections, MailSettings settings, Clock clock) {
        this.connections = connections;
        this.from = settings.fromAddress();
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
        this.clock = clock;
    }

    /** The Message-ID of a delivery: the same delivery always gets the same one. */
    public String messageIdFor(String deliveryId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash) + "@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Throws Spring's {@code MailException} when SMTP does not accept the mail. */
    public void send(OutgoingMail mail, String messageId) {
        connections.send(toMimeMessage(mail, messageId));
    }

    MimeMessage toMimeMessage(OutgoingMail mail, String messageId) {
        try {
            MimeMessage message = new MimeMessage(connections.session());
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, mail.to());
            for (InternetAddress cc : mail.cc()) {
                message.addRecipient(Message.RecipientType.CC, cc);
            }
            if (mail.replyTo() != null) {
                message.setReplyTo(new InternetAddress[] {mail.replyTo()});
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Content-Language", mail.language().code());
            // RFC 3834: no vacation auto-replies to an automatic mail.
            message.setHeader("Auto-Submitted", "auto-generated");

            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (mail.attachments().isEmpty()) {
                message.setContent(alternative);
            } else {
                // multipart/mixed: the readable bodies first, then the files.
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart bodies = new MimeBodyPart();
                bodies.setContent(alternative);
                mixed.addBodyPart(bodies);
                for (Attachment attachment : mail.attachments()) {
                    mixed.addBodyPart(attachmentPart(attachment));
                }
                message.setContent(mixed);
            }

            // saveChanges() assigns a random Message-ID; ours replaces it afterwards. Nothing saves the message
            // again before it is sent (SmtpConnections sends it as it is), so ours is what goes out.
            message.saveChanges();
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot build the " + mail.kind() + " mail", e);
        }
    }

    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }
}

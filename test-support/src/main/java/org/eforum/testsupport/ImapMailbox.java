package org.eforum.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

/**
 * Reads a mailbox over IMAP as a person would (login = password = the address, as the local stack and
 * GreenMail set it up), so tests see exactly what was delivered.
 */
public final class ImapMailbox {

    private ImapMailbox() {
    }

    public static List<ReceivedMail> read(String host, int port, String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", host);
        properties.put("mail.imap.port", String.valueOf(port));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(host, port, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(ReceivedMail.of(message));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // no mail has reached that address yet, so it has no mailbox
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read " + address + " over IMAP", e);
        }
    }

    /** What a reader sees of one mail. {@code text} is the plain-text part, {@code html} the HTML part. */
    public record ReceivedMail(String subject, List<String> from, List<String> to, List<String> cc,
            String messageId, String contentLanguage, String text, String html) {

        static ReceivedMail of(Message message) throws MessagingException {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            try {
                collect(message.getContent(), message.getContentType(), text, html);
            } catch (java.io.IOException e) {
                throw new MessagingException("Cannot read the body", e);
            }
            String[] language = message.getHeader("Content-Language");
            String[] messageId = message.getHeader("Message-ID");
            return new ReceivedMail(message.getSubject(), addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)),
                    messageId == null ? null : messageId[0], language == null ? null : language[0],
                    text.toString(), html.toString());
        }

        private static void collect(Object content, String contentType, StringBuilder text, StringBuilder html)
                throws MessagingException, java.io.IOException {
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    collect(part.getContent(), part.getContentType(), text, html);
                }
            } else if (content instanceof String string) {
                (contentType.toLowerCase().startsWith("text/html") ? html : text).append(string);
            }
        }

        private static List<String> addresses(Address[] addresses) {
            return addresses == null ? List.of()
                    : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
        }
    }
}

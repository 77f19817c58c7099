package org.eforum.notification.mail;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Connected SMTP transports, reused from one mail to the next: {@link JavaMailSenderImpl} opens a connection
 * (TCP, greeting, EHLO, maybe STARTTLS and AUTH) for every mail, several round trips that cost more than
 * sending the mail itself. A thread takes an idle connection (or opens one), sends, and gives it back, so there
 * are as many connections as threads sending at once (the listener threads and the digest thread) and never
 * more than {@value #MAX_IDLE} kept open.
 *
 * <p>Where to connect and how is Spring Boot's {@code spring.mail.*}, read from the {@link JavaMailSenderImpl}
 * Boot configures (its one {@link Session}, host, port, protocol, credentials), so this class and the
 * {@code mail} health check always agree.
 *
 * <p>A reused connection may have been closed by the server in the meantime (idle timeout, a restart, a limit of
 * messages per session). So a send that fails on a reused connection closes it and is tried once more on a new
 * one before the failure is reported; a failure on a new connection is reported at once. A connection idle for
 * more than {@value #CHECK_AFTER_IDLE_MILLIS} ms is checked with a NOOP before it is used. A failure reaches the
 * caller as Spring's {@code MailException}, as with {@code JavaMailSenderImpl}, so the delivery's retries
 * ({@code RETRYING}, then {@code FAILED} and the dead letter) are the same.
 */
@Component
public class SmtpConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    /** Idle connections kept open: enough for the listener threads and the digest thread. */
    static final int MAX_IDLE = 8;
    /** Servers close idle sessions (RFC 5321 §4.5.3.2 asks for at least 5 minutes; some wait far less). */
    static final long CHECK_AFTER_IDLE_MILLIS = 5_000;

    /**
     * Jakarta Mail looks its {@code StreamProvider} up again for every {@code MimeBodyPart}, {@code MimeMultipart}
     * and every encoded part it writes ({@code FactoryFinder}: a {@code ServiceLoader} scan of the whole class
     * path, costly in a Spring Boot jar), about a dozen times per mail. The system property it checks first
     * names the one implementation on the class path, Angus Mail's, so the scan is skipped. Not overridden when
     * set on the command line.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        pinStreamProvider();
    }

    static void pinStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, SmtpConnections.class.getClassLoader());
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException e) {
            log.warn("{} is not on the class path: Jakarta Mail will search for its StreamProvider for every mail",
                    ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSenderImpl settings;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>(MAX_IDLE);
    private volatile boolean closed;

    public SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
        // Before the session is first built from these properties; a socket factory configured explicitly wins.
        settings.getJavaMailProperties().putIfAbsent("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
    }

    /** The session every message is built in (one for the whole service, as parsing its properties is not free). */
    public Session session() {
        return settings.getSession();
    }

    /**
     * Sends a message that is complete ({@code saveChanges()} done, Message-ID set) to its recipients.
     *
     * @throws MailSendException           when SMTP does not accept it, also after one more try on a new connection
     * @throws MailAuthenticationException when the server refuses the credentials
     */
    public void send(MimeMessage message) {
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw new MailSendException("Cannot read the recipients", e);
        }
        if (recipients == null || recipients.length == 0) {
            throw new MailSendException("The message has no recipients");
        }
        Connection connection = idle.pollFirst();
        if (connection != null) {
            connection = checked(connection);
        }
        if (connection != null) {
            try {
                connection.transport.sendMessage(message, recipients);
                release(connection);
                return;
            } catch (MessagingException stale) {
                log.debug("Sending over a reused SMTP connection failed ({}); trying once on a new connection",
                        stale.toString());
                close(connection);
            }
        }
        connection = connect();
        try {
            connection.transport.sendMessage(message, recipients);
        } catch (MessagingException e) {
            close(connection);
            throw new MailSendException("SMTP did not accept the message: " + e.getMessage(), e);
        }
        release(connection);
    }

    /** The connection if it is still usable: a NOOP when it has been idle a while. Null when it is gone. */
    private Connection checked(Connection connection) {
        if (System.currentTimeMillis() - connection.lastUsed < CHECK_AFTER_IDLE_MILLIS) {
            return connection;
        }
        if (connection.transport.isConnected()) { // SMTPTransport sends NOOP here
            return connection;
        }
        close(connection);
        return null;
    }

    private Connection connect() {
        try {
            Transport transport = settings.getProtocol() != null
                    ? session().getTransport(settings.getProtocol()) : session().getTransport();
            String username = settings.getUsername();
            String password = settings.getPassword();
            if ("".equals(username)) {
                username = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            transport.connect(settings.getHost(), settings.getPort(), username, password);
            return new Connection(transport);
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            throw new MailSendException("Cannot connect to SMTP: " + e.getMessage(), e);
        }
    }

    private void release(Connection connection) {
        connection.lastUsed = System.currentTimeMillis();
        if (closed || !idle.offerFirst(connection)) {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing an SMTP connection failed: {}", e.toString());
        }
    }

    /** Closes the idle connections (QUIT) when the service stops; one in use is closed when it is given back. */
    @Override
    public void destroy() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            close(connection);
        }
    }

    /** Connections open and idle right now (for tests). */
    int idleCount() {
        return idle.size();
    }

    private static final class Connection {
        final Transport transport;
        volatile long lastUsed = System.currentTimeMillis();

        Connection(Transport transport) {
            this.transport = transport;
        }
    }
}

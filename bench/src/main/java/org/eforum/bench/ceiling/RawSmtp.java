package org.eforum.bench.ceiling;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * What the SMTP server takes from a good sender: Angus Mail, one connection kept open per sending thread,
 * multipart/alternative of the size of a real participant mail,  and as many
 * sending threads as notification-service has listener threads ({@code --smtp-threads}). Every mail goes to
 * one address under {@code raw.bench}, so the catcher's counts can tell them apart.
 */
public final class RawSmtp {

    /** Where a real mail's size could not be read (no IMAP), this is the stand-in. */
    public static final int DEFAULT_SIZE = 10 * 1024;

    public record Result(long mails, long failed, int mailBytes, boolean measuredReal, int threads, double seconds) {
        public double perSecond() {
            return mails / seconds;
        }
    }

    private RawSmtp() {
    }

    /** The size of the first mail in a participant's IMAP inbox (login = password = address), if readable. */
    public static Integer realMailSize(String imapHostPort, String address) {
        String[] hp = imapHostPort.split(":");
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "2000");
        p.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect(hp[0], Integer.parseInt(hp[1]), address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    return inbox.getMessageCount() == 0 ? null : inbox.getMessage(1).getSize();
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (Exception e) {
            return null;
        }
    }

    public static Result run(String smtpHostPort, long mails, int mailBytes, boolean measuredReal, int threads,
            String runTag) throws InterruptedException {
        String[] hp = smtpHostPort.split(":");
        Properties p = new Properties();
        p.put("mail.smtp.host", hp[0]);
        p.put("mail.smtp.port", hp[1]);
        // The same timeouts as notification-service's spring.mail.properties.
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        // TCP_NODELAY, as notification-service's sockets: with Nagle each mail waits for a delayed ACK (~40 ms).
        p.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        Session session = Session.getInstance(p);
        // Half the bytes as text, half as HTML, less about 1 KB of headers and MIME framing.
        String half = filler(Math.max(100, (mailBytes - 1024) / 2));
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                Transport transport = null;
                for (long i = next.getAndIncrement(); i < mails; i = next.getAndIncrement()) {
                    try {
                        if (transport == null || !transport.isConnected()) {
                            transport = session.getTransport("smtp");
                            transport.connect();
                        }
                        MimeMessage message = message(session, runTag, i, half);
                        message.saveChanges();
                        transport.sendMessage(message, message.getAllRecipients());
                    } catch (Exception e) {
                        transport = null; // connect again for the next mail
                        if (failed.getAndIncrement() < 3) {
                            System.err.println("raw SMTP: " + e);
                        }
                    }
                }
                if (transport != null) {
                    try {
                        transport.close();
                    } catch (Exception e) {
                        // the ceiling is measured already
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return new Result(mails, failed.get(), mailBytes, measuredReal, threads, (System.nanoTime() - start) / 1e9);
    }

    private static MimeMessage message(Session session, String runTag, long i, String half) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("no-reply@eforum.local", "E-Forum"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(runTag + "." + i + "@raw.bench"));
        m.setSubject("Raw bench mail " + i, StandardCharsets.UTF_8.name());
        m.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(half, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>" + half + "</p>", StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        return m;
    }

    private static String filler(int size) {
        StringBuilder s = new StringBuilder(size);
        String line = "The quick brown fox jumps over the lazy dog, registration confirmed for you. ";
        while (s.length() < size) {
            s.append(line);
            if (s.length() % 300 < line.length()) {
                s.append('\n');
            }
        }
        return s.substring(0, size);
    }

    /** Plain sockets with TCP_NODELAY. */
    private static final class NoDelaySocketFactory extends javax.net.SocketFactory {

        private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(new java.net.Socket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
                int localPort) throws java.io.IOException {
            return noDelay(new java.net.Socket(host, port, local, localPort));
        }
    }
}

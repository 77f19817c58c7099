package org.eforum.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The mail server ({@link org.eforum.localstack.mail.MailCatcher}: GreenMail's SMTP and IMAP with every mail
 * archived on disk) in its own JVM. A mailbox appears for each recipient on first delivery, with login = password
 * = the address; the newest {@link #KEPT_IN_MAILBOXES} mails are readable over IMAP, every one stays on disk.
 */
public final class MailServer implements AutoCloseable {

    static final int KEPT_IN_MAILBOXES = 2_000;
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-Xss512k");

    private final ChildJvm jvm;
    private final int smtpPort;
    private final int imapPort;
    private final int httpPort;

    MailServer(int smtpPort, int imapPort, int httpPort, Path directory, Path log, JavaRuntime java, String classpath) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.httpPort = httpPort;
        this.jvm = new ChildJvm("mail server", java, JVM_OPTIONS, classpath, "org.eforum.localstack.mail.MailCatcher",
                List.of(String.valueOf(smtpPort), String.valueOf(imapPort), String.valueOf(httpPort),
                        directory.toString(), String.valueOf(KEPT_IN_MAILBOXES)), log, httpPort);
    }

    MailServer start() throws IOException, InterruptedException {
        jvm.start(Duration.ofSeconds(120));
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** {@code GET /api/stats}: deliveries accepted and repeated ones. */
    public String statsUrl() {
        return "http://127.0.0.1:" + httpPort + "/api/stats";
    }

    public long pid() {
        return jvm.pid();
    }

    public void kill() throws InterruptedException {
        jvm.kill();
    }

    @Override
    public void close() {
        jvm.close();
    }
}

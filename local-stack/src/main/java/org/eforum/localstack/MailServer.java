package org.eforum.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail: an SMTP server that keeps every mail, readable over IMAP. A mailbox appears for each recipient on
 * first delivery, with login = password = the address.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    public MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    }

    public MailServer start() {
        greenMail.start();
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Stops SMTP and IMAP; what was received so far is lost with them. */
    @Override
    public void close() {
        greenMail.stop();
    }
}

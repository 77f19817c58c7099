package org.eforum.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

/**
 * The local stack's mail server, in its own JVM: GreenMail's SMTP and IMAP (a mailbox per recipient, login =
 * password = the address), every accepted mail archived on disk ({@link MailArchive}), and only the newest
 * {@code keep} mails in the mailboxes, so a season of mail grows the disk, not the heap. On start the newest mails
 * are loaded back into their mailboxes. {@code GET /api/stats} on the HTTP port counts deliveries and repeats.
 *
 * <p>Usage: {@code MailCatcher <smtp port> <imap port> <http port> <data dir> <keep>}.
 */
public final class MailCatcher {

    private final GreenMail greenMail;
    private final MailArchive archive;
    private final int keep;
    /** Mailboxes in delivery order, one entry per mail held: the oldest is evicted first. */
    private final Deque<GreenMailUser> held = new ArrayDeque<>();
    private final Map<GreenMailUser, Integer> heldPerUser = new HashMap<>();

    private MailCatcher(int smtpPort, int imapPort, Path directory, int keep) throws IOException {
        this.keep = keep;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        List<MailArchive.Delivery> latest = MailArchive.newList();
        this.archive = new MailArchive(directory, keep, latest);
        UserManager users = greenMail.getUserManager();
        for (MailArchive.Delivery delivery : latest) {
            restore(users, delivery);
        }
        MessageDeliveryHandler mailboxes = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            archive.record(message, message.getMessage(), address.getEmail());
            GreenMailUser user = mailboxes.handle(message, address);
            hold(user);
            return user;
        });
    }

    private void restore(UserManager users, MailArchive.Delivery delivery) {
        try {
            GreenMailUser user = users.getUserByEmail(delivery.recipient());
            if (user == null) {
                user = users.createUser(delivery.recipient(), delivery.recipient(), delivery.recipient());
            }
            MimeMessage mime = MailArchive.read(delivery.file());
            users.getImapHostManager().getInbox(user).store(mime);
            hold(user);
        } catch (Exception e) {
            System.err.println("Mail " + delivery.file() + " not restored: " + e);
        }
    }

    /** Counts one more mail in the user's mailbox and evicts the oldest mail held once more than {@code keep}. */
    private synchronized void hold(GreenMailUser user) {
        held.addLast(user);
        heldPerUser.merge(user, 1, Integer::sum);
        while (held.size() > keep) {
            GreenMailUser oldest = held.removeFirst();
            heldPerUser.computeIfPresent(oldest, (u, n) -> n == 1 ? null : n - 1);
            evictOldestOf(oldest);
        }
    }

    private void evictOldestOf(GreenMailUser user) {
        UserManager users = greenMail.getUserManager();
        try {
            MailFolder inbox = users.getImapHostManager().getInbox(user);
            List<StoredMessage> messages = inbox.getMessages();
            if (!messages.isEmpty()) {
                inbox.setFlags(new Flags(Flags.Flag.DELETED), true, messages.get(0).getUid(), null, false);
                inbox.expunge();
            }
            if (inbox.getMessageCount() == 0 && !heldPerUser.containsKey(user)) {
                users.deleteUser(user); // a mailbox per participant would otherwise stay for ever
            }
        } catch (FolderException e) {
            System.err.println("Could not evict a mail of " + user.getEmail() + ": " + e);
        }
    }

    private void start(int httpPort) throws IOException {
        greenMail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 16);
        http.createContext("/api/stats", exchange -> {
            byte[] body = ("{\"messages\":" + archive.deliveries() + ",\"duplicates\":" + archive.repeated()
                    + ",\"held\":" + heldCount() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            greenMail.stop();
            archive.close();
        }, "stop-mail"));
    }

    private synchronized int heldCount() {
        return held.size();
    }

    public static void main(String[] args) throws Exception {
        int smtp = Integer.parseInt(args[0]);
        int imap = Integer.parseInt(args[1]);
        int http = Integer.parseInt(args[2]);
        Path directory = Path.of(args[3]).toAbsolutePath();
        int keep = Integer.parseInt(args[4]);
        MailCatcher catcher = new MailCatcher(smtp, imap, directory, keep);
        catcher.start(http);
        System.out.println("mail ready: SMTP " + smtp + ", IMAP " + imap + ", stats http://127.0.0.1:" + http
                + "/api/stats, archive " + directory + ", keeping the newest " + keep + " in the mailboxes");
        new CountDownLatch(1).await();
    }

}

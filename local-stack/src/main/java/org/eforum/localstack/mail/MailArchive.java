package org.eforum.localstack.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Every mail the catcher accepted, on disk: one {@code .eml} per message under {@code messages/}, and an
 * append-only {@code index.tsv} with one line per delivery (sequence, recipient, Message-ID, file). It is written
 * before SMTP answers 250, so a mail that was accepted survives a kill of the catcher, and it counts deliveries
 * and repeated ones (the same Message-ID to the same recipient) across restarts.
 */
final class MailArchive {

    /** A delivery as the index records it. */
    record Delivery(long sequence, String recipient, String messageId, Path file) {
    }

    private final Path messages;
    private final Writer index;
    /** Hashes of recipient + Message-ID: 8 bytes per delivery, not the mail, stay in memory. */
    private final Set<Long> seen = new HashSet<>();
    private long deliveries;
    private long repeated;
    private long sequence;
    private Object lastMessage;
    private Path lastFile;

    MailArchive(Path directory, int keepLatest, List<Delivery> latest) throws IOException {
        this.messages = directory.resolve("messages");
        Files.createDirectories(messages);
        Path indexFile = directory.resolve("index.tsv");
        Deque<Delivery> tail = new ArrayDeque<>();
        if (Files.exists(indexFile)) {
            try (Stream<String> lines = Files.lines(indexFile, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    String[] fields = line.split("\t", 4);
                    if (fields.length < 4) {
                        return; // a line cut short by a kill: its mail was not acknowledged
                    }
                    Delivery delivery = new Delivery(Long.parseLong(fields[0]), fields[1], fields[2],
                            messages.resolve(fields[3]));
                    count(delivery.recipient(), delivery.messageId());
                    sequence = Math.max(sequence, delivery.sequence());
                    tail.addLast(delivery);
                    if (tail.size() > keepLatest) {
                        tail.removeFirst();
                    }
                });
            }
        }
        latest.addAll(tail);
        this.index = Files.newBufferedWriter(indexFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void count(String recipient, String messageId) {
        deliveries++;
        long key = ((long) recipient.toLowerCase(Locale.ROOT).hashCode() << 32) ^ (messageId.hashCode() & 0xffffffffL);
        if (!seen.add(key)) {
            repeated++;
        }
    }

    /** Records one delivery; a message with several recipients is written to disk once. */
    synchronized void record(Object message, MimeMessage mime, String recipient) {
        try {
            if (message != lastMessage) {
                long number = sequence + 1;
                Path file = messages.resolve(Long.toString(number / 1000)).resolve(number + ".eml");
                Files.createDirectories(file.getParent());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
                mime.writeTo(bytes);
                Files.write(file, bytes.toByteArray());
                lastMessage = message;
                lastFile = file;
            }
            sequence++;
            String messageId = messageIdOf(mime);
            index.write(sequence + "\t" + recipient + "\t" + messageId + "\t" + messages.relativize(lastFile) + "\n");
            index.flush(); // to the operating system before SMTP says 250
            count(recipient, messageId);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Could not archive a mail: " + e, e);
        }
    }

    private static String messageIdOf(MimeMessage mime) throws MessagingException {
        String id = mime.getMessageID();
        return id == null ? "-" : id.replace('\t', ' ').replace('\n', ' ').strip();
    }

    static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(null, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized long deliveries() {
        return deliveries;
    }

    synchronized long repeated() {
        return repeated;
    }

    synchronized void close() {
        try {
            index.close();
        } catch (IOException e) {
            // closing on the way out: nothing left to do
        }
    }

    static List<Delivery> newList() {
        return new ArrayList<>();
    }
}

package org.eforum.localstack.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The store's write-ahead journal: every document a write leaves behind (its after-image, or its removal) is
 * appended here before the write is acknowledged, so an acknowledged write survives a SIGKILL without a commit of
 * the MVStore file per write. The file is checkpointed now and then ({@link Checkpoints}); the journal then
 * starts a new segment and the segments the checkpoint covers are deleted.
 * <p>
 * Besides the images, the first write to a collection in a segment appends a <em>touch</em> record before it
 * changes anything: a checkpoint runs while other writes go on, so the file may hold a write half applied (its
 * document without its index entries); the collections touched since are the ones whose indexes are rebuilt on
 * recovery.
 * <p>
 * A record is {@code [length][CRC32C][BSON]}; a torn tail (the process killed in the middle of an append) fails
 * its length or checksum and ends the replay there, losing only writes that were never acknowledged.
 */
final class Journal implements AutoCloseable {

    private static final String SUFFIX = ".journal";
    private static final int HEADER = 8;

    private final Path directory;
    private final boolean fsync;
    private final Object appendLock = new Object();
    private final Object syncLock = new Object();
    private FileChannel segment;
    private long segmentNumber;
    private long segmentBytes;
    /** Bytes appended since the journal opened, over all segments; and how many of them are forced to disk. */
    private long written;
    private long synced;
    private Set<String> touched = new HashSet<>();

    /** A write the journal records: a document's image, its removal, or a collection about to be written. */
    sealed interface Entry {
        String database();

        String collection();
    }

    record Image(String database, String collection, Document document) implements Entry {
    }

    record Removal(String database, String collection, Object id) implements Entry {
    }

    record Touch(String database, String collection) implements Entry {
    }

    Journal(Path directory, boolean fsync) {
        this.directory = directory;
        this.fsync = fsync;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every record of every segment, in order, up to the first torn or corrupt one. */
    void replay(Consumer<Entry> apply) {
        for (Path file : segments()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer bytes = ByteBuffer.allocate((int) channel.size()).order(ByteOrder.BIG_ENDIAN);
                while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                    // read the whole segment
                }
                bytes.flip();
                while (bytes.remaining() >= HEADER) {
                    int length = bytes.getInt();
                    int checksum = bytes.getInt();
                    if (length <= 0 || length > bytes.remaining()) {
                        return; // torn tail
                    }
                    byte[] payload = new byte[length];
                    bytes.get(payload);
                    if (crc(payload) != checksum) {
                        return;
                    }
                    apply.accept(decode(payload));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the journal segment " + file, e);
            }
        }
    }

    /** Whether any segment holds a record: after an unclean stop. */
    boolean isEmpty() {
        return segments().stream().allMatch(file -> {
            try {
                return Files.size(file) == 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Before a collection's write changes anything (once per collection and segment). */
    void touch(String database, String collection) {
        String key = database + '\u0000' + collection;
        synchronized (appendLock) {
            if (touched.add(key)) {
                append(new Document("o", "t").append("d", database).append("c", collection));
            }
        }
    }

    void image(String database, String collection, Document document) {
        synchronized (appendLock) {
            append(new Document("o", "i").append("d", database).append("c", collection).append("v", document));
        }
    }

    void removal(String database, String collection, Object id) {
        synchronized (appendLock) {
            append(new Document("o", "r").append("d", database).append("c", collection).append("v", id));
        }
    }

    /** How much the current segment holds. */
    long segmentBytes() {
        synchronized (appendLock) {
            return segmentBytes;
        }
    }

    /** Everything appended so far, as a position for {@link #awaitSynced}. */
    long position() {
        synchronized (appendLock) {
            return written;
        }
    }

    /** With fsync: returns once everything up to {@code position} is forced to the disk (one force serves many). */
    void awaitSynced(long position) {
        if (!fsync) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= position) {
                return;
            }
            long upTo;
            FileChannel channel;
            synchronized (appendLock) {
                upTo = written;
                channel = segment;
            }
            force(channel);
            synced = Math.max(synced, upTo);
        }
    }

    /**
     * Starts a new segment and returns the number of the one before it: once the store is committed after this
     * call, that segment and every older one are covered and may be deleted. The caller makes sure no write runs.
     */
    long rotate() {
        synchronized (appendLock) {
            if (segment != null) {
                if (fsync) {
                    force(segment);
                    synchronized (syncLock) {
                        synced = Math.max(synced, written);
                    }
                }
                closeQuietly(segment);
            }
            segmentNumber = Math.max(segmentNumber, lastSegmentNumber()) + 1;
            try {
                segment = FileChannel.open(directory.resolve(name(segmentNumber)), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start a journal segment in " + directory, e);
            }
            segmentBytes = 0;
            touched = new HashSet<>();
            return segmentNumber - 1;
        }
    }

    /** Deletes the segments up to and including this number: a committed checkpoint covers them. */
    void deleteUpTo(long number) {
        for (Path file : segments()) {
            if (number(file) <= number) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (appendLock) {
            if (segment != null) {
                closeQuietly(segment);
                segment = null;
            }
        }
    }

    private void append(Document record) {
        byte[] payload = encode(record);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length).order(ByteOrder.BIG_ENDIAN);
        buffer.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        try {
            while (buffer.hasRemaining()) {
                segment.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the journal", e);
        }
        segmentBytes += HEADER + payload.length;
        written += HEADER + payload.length;
    }

    private static Entry decode(byte[] payload) {
        Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(payload));
        String database = (String) record.get("d");
        String collection = (String) record.get("c");
        return switch ((String) record.get("o")) {
            case "i" -> new Image(database, collection, (Document) record.get("v"));
            case "r" -> new Removal(database, collection, record.get("v"));
            case "t" -> new Touch(database, collection);
            default -> throw new IllegalStateException("Unknown journal record " + record.get("o"));
        };
    }

    private static byte[] encode(Document record) {
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(record, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    private static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> segments = new ArrayList<>(files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .toList());
            segments.sort((a, b) -> Long.compare(number(a), number(b)));
            return segments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long lastSegmentNumber() {
        List<Path> segments = segments();
        return segments.isEmpty() ? 0 : number(segments.get(segments.size() - 1));
    }

    private static String name(long number) {
        return String.format("%016d%s", number, SUFFIX);
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static void force(FileChannel channel) {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not force the journal to disk", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the next segment is opened anyway; a failing disk shows on the next append
        }
    }
}

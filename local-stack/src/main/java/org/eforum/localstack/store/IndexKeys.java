package org.eforum.localstack.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Index keys as bytes whose unsigned order is the index's order, so an index is one sorted map of byte arrays in
 * the store file (compact, paged through MVStore's cache, no Java objects per entry) and an equality prefix is a
 * byte prefix.
 *
 * <p>Each value is self-delimiting and starts with a tag in MongoDB's type order (null, numbers, strings, objects,
 * arrays, binary, ObjectId, booleans, dates, timestamps). Numbers are compared as doubles (as the query matcher
 * normalises them), strings by their UTF-8 bytes (MongoDB's simple collation does the same). A descending key's
 * bytes are inverted. Documents, arrays and rarer types are kept as BSON: exact for equality, ordered only roughly
 * among themselves, which no query of ours relies on. The document's position (its {@code _id}) ends an entry of a
 * non-unique index, written exactly so it reads back as the same value.
 */
final class IndexKeys {

    private static final int NULL = 0x05;
    private static final int NUMBER = 0x10;
    private static final int STRING = 0x20;
    private static final int DOCUMENT = 0x30;
    private static final int ARRAY = 0x40;
    private static final int BINARY = 0x50;
    private static final int UUID_TAG = 0x51;
    private static final int OBJECT_ID = 0x60;
    private static final int BOOLEAN = 0x70;
    private static final int DATE = 0x80;
    private static final int TIMESTAMP = 0x90;
    private static final int OTHER = 0xE0;

    /** Number kinds: kept so that a position reads back as the same Java type. */
    private static final int INT = 0;
    private static final int LONG = 1;
    private static final int DOUBLE = 2;

    private IndexKeys() {
    }

    /** The key values of one entry; {@code descending[i]} inverts value i. */
    static byte[] encode(List<?> values, boolean[] descending) {
        Writer writer = new Writer();
        for (int i = 0; i < values.size(); i++) {
            writer.value(values.get(i), false, descending != null && descending[i]);
        }
        return writer.bytes();
    }

    /** The key values followed by the document's position. */
    static byte[] encode(List<?> values, boolean[] descending, Object position) {
        Writer writer = new Writer();
        for (int i = 0; i < values.size(); i++) {
            writer.value(values.get(i), false, descending != null && descending[i]);
        }
        writer.value(position, true, false);
        return writer.bytes();
    }

    static byte[] encodePosition(Object position) {
        Writer writer = new Writer();
        writer.value(position, true, false);
        return writer.bytes();
    }

    static Object decodePosition(byte[] bytes) {
        return new Reader(bytes, 0).value(false);
    }

    /** The position at the end of an entry of {@code count} key values. */
    static Object position(byte[] entry, int count, boolean[] descending) {
        Reader reader = new Reader(entry, 0);
        for (int i = 0; i < count; i++) {
            reader.value(descending != null && descending[i]);
        }
        return reader.value(false);
    }

    /** The key values an entry starts with (numbers read back as doubles, dates as instants). */
    static List<Object> values(byte[] entry, int count, boolean[] descending) {
        Reader reader = new Reader(entry, 0);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(reader.value(descending != null && descending[i]));
        }
        return values;
    }

    static boolean startsWith(byte[] entry, byte[] prefix) {
        return entry.length >= prefix.length && Arrays.equals(entry, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The smallest byte string above every string that starts with {@code prefix}, or null if there is none. */
    static byte[] after(byte[] prefix) {
        int last = prefix.length - 1;
        while (last >= 0 && prefix[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        byte[] after = Arrays.copyOf(prefix, last + 1);
        after[last]++;
        return after;
    }

    private static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        private int mask;

        byte[] bytes() {
            return out.toByteArray();
        }

        private void put(int b) {
            out.write((b ^ mask) & 0xFF);
        }

        private void putLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                put((int) (value >>> shift));
            }
        }

        /** Bytes that may hold zeros, escaped (0 → 0 0xFF) and ended by 0 1, so the result stays ordered and delimited. */
        private void putEscaped(byte[] bytes) {
            for (byte b : bytes) {
                put(b);
                if (b == 0) {
                    put(0xFF);
                }
            }
            put(0);
            put(1);
        }

        void value(Object value, boolean exact, boolean inverted) {
            mask = inverted ? 0xFF : 0;
            if (value == null || value instanceof Missing) {
                put(NULL);
            } else if (value instanceof Number number && !(value instanceof de.bwaldvogel.mongo.bson.Decimal128)) {
                number(number, exact);
            } else if (value instanceof String text) {
                put(STRING);
                putEscaped(text.getBytes(StandardCharsets.UTF_8));
            } else if (value instanceof ObjectId id) {
                put(OBJECT_ID);
                for (byte b : id.toByteArray()) {
                    put(b);
                }
            } else if (value instanceof Boolean bool) {
                put(BOOLEAN);
                put(bool ? 1 : 0);
            } else if (value instanceof Instant instant) {
                put(DATE);
                putLong(instant.toEpochMilli() ^ Long.MIN_VALUE);
            } else if (value instanceof Date date) {
                put(DATE);
                putLong(date.getTime() ^ Long.MIN_VALUE);
            } else if (value instanceof UUID uuid) {
                put(UUID_TAG);
                putLong(uuid.getMostSignificantBits());
                putLong(uuid.getLeastSignificantBits());
            } else if (value instanceof BsonTimestamp timestamp) {
                put(TIMESTAMP);
                putLong(timestamp.getValue() ^ Long.MIN_VALUE);
            } else if (value instanceof byte[] binary) {
                put(BINARY);
                putEscaped(binary);
            } else if (value instanceof Map<?, ?>) {
                put(DOCUMENT);
                putEscaped(bson(value));
            } else if (value instanceof Collection<?>) {
                put(ARRAY);
                putEscaped(bson(value));
            } else {
                put(OTHER);
                putEscaped(bson(value));
            }
            mask = 0;
        }

        private void number(Number number, boolean exact) {
            put(NUMBER);
            double asDouble = number.doubleValue();
            long bits = Double.doubleToLongBits(asDouble == 0.0 ? 0.0 : asDouble); // -0.0 equals 0.0
            putLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
            boolean longBeyondDouble = number instanceof Long l && (long) (double) l != l;
            if (exact && number instanceof Integer) {
                put(INT);
            } else if ((exact && number instanceof Long) || longBeyondDouble) {
                put(LONG);
                putLong(number.longValue());
            } else {
                put(DOUBLE);
            }
        }

        private static byte[] bson(Object value) {
            ByteBuf buffer = Unpooled.buffer(64);
            try {
                BsonEncoder.encodeDocument(new Document("v", value), buffer);
                byte[] bytes = new byte[buffer.readableBytes()];
                buffer.readBytes(bytes);
                return bytes;
            } finally {
                buffer.release();
            }
        }
    }

    private static final class Reader {

        private final byte[] bytes;
        private int offset;
        private int mask;

        Reader(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.offset = offset;
        }

        private int get() {
            return (bytes[offset++] ^ mask) & 0xFF;
        }

        private long getLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | get();
            }
            return value;
        }

        private byte[] getEscaped() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int b = get();
                if (b == 0) {
                    if (get() == 1) {
                        return out.toByteArray();
                    }
                    out.write(0); // the escape 0 0xFF
                } else {
                    out.write(b);
                }
            }
        }

        Object value(boolean inverted) {
            mask = inverted ? 0xFF : 0;
            try {
                int tag = get();
                return switch (tag) {
                    case NULL -> null;
                    case NUMBER -> number();
                    case STRING -> new String(getEscaped(), StandardCharsets.UTF_8);
                    case OBJECT_ID -> {
                        byte[] id = new byte[12];
                        for (int i = 0; i < id.length; i++) {
                            id[i] = (byte) get();
                        }
                        yield new ObjectId(id);
                    }
                    case BOOLEAN -> get() == 1;
                    case DATE -> Instant.ofEpochMilli(getLong() ^ Long.MIN_VALUE);
                    case UUID_TAG -> new UUID(getLong(), getLong());
                    case TIMESTAMP -> new BsonTimestamp(getLong() ^ Long.MIN_VALUE);
                    case BINARY -> getEscaped();
                    case DOCUMENT, ARRAY, OTHER -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(getEscaped())).get("v");
                    default -> throw new IllegalStateException("not an index key: tag " + tag);
                };
            } finally {
                mask = 0;
            }
        }

        private Object number() {
            long sortable = getLong();
            long bits = sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable;
            double value = Double.longBitsToDouble(bits);
            return switch (get()) {
                case INT -> (int) value;
                case LONG -> getLong();
                default -> value;
            };
        }
    }
}

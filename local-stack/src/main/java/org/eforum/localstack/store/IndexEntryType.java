package org.eforum.localstack.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** {@link IndexKeys} byte strings as MVStore keys, ordered unsigned byte by byte. */
final class IndexEntryType extends BasicDataType<byte[]> {

    static final IndexEntryType INSTANCE = new IndexEntryType();

    private IndexEntryType() {
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public int getMemory(byte[] entry) {
        return 24 + entry.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] entry) {
        buffer.putVarInt(entry.length).put(entry);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        byte[] entry = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(entry);
        return entry;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}

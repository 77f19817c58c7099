package org.eforum.localstack.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** The value of a set kept as an MVStore map: nothing is written, every value reads back as {@code TRUE}. */
final class NoValueType extends BasicDataType<Boolean> {

    static final NoValueType INSTANCE = new NoValueType();

    private NoValueType() {
    }

    @Override
    public int getMemory(Boolean value) {
        return 0;
    }

    @Override
    public void write(WriteBuffer buffer, Boolean value) {
        // nothing: the key is the entry
    }

    @Override
    public Boolean read(ByteBuffer buffer) {
        return Boolean.TRUE;
    }

    @Override
    public Boolean[] createStorage(int size) {
        return new Boolean[size];
    }
}

package org.eforum.localstack.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A document's position (its {@code _id}) as an MVStore value, in {@link IndexKeys}' exact form: a few bytes where
 * MVStore's object type would fall back to Java serialization for an ObjectId.
 */
final class PositionType extends BasicDataType<Object> {

    static final PositionType INSTANCE = new PositionType();

    private PositionType() {
    }

    @Override
    public int getMemory(Object position) {
        return position instanceof String text ? 40 + 2 * text.length() : 32;
    }

    @Override
    public void write(WriteBuffer buffer, Object position) {
        byte[] bytes = IndexKeys.encodePosition(position);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return IndexKeys.decodePosition(bytes);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}

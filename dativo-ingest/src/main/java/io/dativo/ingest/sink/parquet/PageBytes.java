package io.dativo.ingest.sink.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer with Parquet's little-endian and varint writes, reused page after page.
 */
final class PageBytes {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int size;

  PageBytes(int capacity) {
    this.bytes = new byte[Math.max(capacity, 16)];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return bytes;
  }

  void reset() {
    size = 0;
  }

  void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  /**
   * {@code values[0, count)} as little-endian longs, in one copy (a memory copy on x86 and ARM).
   */
  void writeLongsLE(long[] values, int count) {
    ensure(count * 8);
    ByteBuffer.wrap(bytes, size, count * 8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asLongBuffer()
        .put(values, 0, count);
    size += count * 8;
  }

  /** {@code values[0, count)} as little-endian doubles, their bits as they are, in one copy. */
  void writeDoublesLE(double[] values, int count) {
    ensure(count * 8);
    ByteBuffer.wrap(bytes, size, count * 8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asDoubleBuffer()
        .put(values, 0, count);
    size += count * 8;
  }

  /** {@code values[0, count)} as little-endian 32-bit ints (each value cast), room made once. */
  void writeIntsLE(long[] values, int count) {
    ensure(count * 4);
    for (int i = 0; i < count; i++) {
      INT_LE.set(bytes, size + 4 * i, (int) values[i]);
    }

    size += count * 4;
  }

  void writeIntLE(int value) {
    ensure(4);
    INT_LE.set(bytes, size, value);
    size += 4;
  }

  void writeLongLE(long value) {
    ensure(8);
    LONG_LE.set(bytes, size, value);
    size += 8;
  }

  /** Overwrites four bytes at {@code at} (a length prefix written before its content). */
  void setIntLE(int at, int value) {
    INT_LE.set(bytes, at, value);
  }

  void writeUnsignedVarInt(int value) {
    ensure(5);
    int v = value;
    while ((v & ~0x7F) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }

    bytes[size++] = (byte) v;
  }

  void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void write(PageBytes other) {
    write(other.bytes, 0, other.size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}

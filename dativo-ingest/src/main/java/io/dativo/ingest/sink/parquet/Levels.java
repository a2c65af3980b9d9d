package io.dativo.ingest.sink.parquet;

import java.util.Arrays;

/**
 * Parquet's RLE / bit-packing hybrid encoding, the two ways this writer uses it: definition levels
 * as runs (a column without nulls is one run, whatever the page size) and dictionary indexes
 * bit-packed in groups of eight.
 */
final class Levels {
  /** All false, never written: what a run of rows without nulls is compared with. */
  private static final boolean[] NONE = new boolean[4096];

  private Levels() {}

  /**
   * Definition levels of a page (1 = present, 0 = null; bit width 1) as RLE runs, behind the
   * four-byte length prefix of data page v1.
   */
  static void writeDefinitionLevels(PageBytes out, boolean[] nulls, int count) {
    int lengthAt = out.size();
    out.writeIntLE(0);
    int start = out.size();
    int i = 0;
    while (i < count) {
      boolean isNull = nulls[i];
      // A run of values (the usual case: most columns have few nulls) ends at the next null,
      // found many flags at a time; a run of nulls ends at the next value.
      int end = isNull ? nextValue(nulls, i, count) : nextNull(nulls, i, count);
      out.writeUnsignedVarInt((end - i) << 1);
      out.writeByte(isNull ? 0 : 1);
      i = end;
    }

    out.setIntLE(lengthAt, out.size() - start);
  }

  /** Whether any of {@code flags[from, from + count)} is true. */
  static boolean anyTrue(boolean[] flags, int from, int count) {
    return nextNull(flags, from, from + count) < from + count;
  }

  /** The first index in {@code [from, to)} whose flag is true (compared many at a time), or to. */
  private static int nextNull(boolean[] flags, int from, int to) {
    for (int at = from; at < to; at += NONE.length) {
      int length = Math.min(NONE.length, to - at);
      int found = Arrays.mismatch(flags, at, at + length, NONE, 0, length);
      if (found >= 0) {
        return at + found;
      }
    }

    return to;
  }

  /** The first index in {@code [from, to)} whose flag is false, or to. */
  private static int nextValue(boolean[] flags, int from, int to) {
    int at = from;
    while (at < to && flags[at]) {
      at++;
    }

    return at;
  }

  /** The bits needed for values 0..maxValue (at least 1). */
  static int bitWidth(int maxValue) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(maxValue));
  }

  /**
   * Dictionary indexes as a dictionary-encoded page's values: the bit width, then one bit-packed
   * run (values least significant bit first; the last group of eight padded with zeros).
   */
  static void writeDictionaryIndexes(PageBytes out, int[] indexes, int count, int bitWidth) {
    out.writeByte(bitWidth);
    int groups = (count + 7) / 8;
    out.writeUnsignedVarInt((groups << 1) | 1);
    out.ensure(groups * bitWidth);
    long buffer = 0;
    int bits = 0;
    int padded = groups * 8;
    for (int i = 0; i < padded; i++) {
      long value = i < count ? indexes[i] : 0;
      buffer |= value << bits;
      bits += bitWidth;
      while (bits >= 8) {
        out.writeByte((int) (buffer & 0xFF));
        buffer >>>= 8;
        bits -= 8;
      }
    }
  }
}

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
      int run = 1;
      while (i + run < count && nulls[i + run] == isNull) {
        run++;
      }

      out.writeUnsignedVarInt(run << 1);
      out.writeByte(isNull ? 0 : 1);
      i += run;
    }

    out.setIntLE(lengthAt, out.size() - start);
  }

  /** Definition levels of a page of {@code count} rows that all have a value: one run of 1s. */
  static void writeAllPresent(PageBytes out, int count) {
    int lengthAt = out.size();
    out.writeIntLE(0);
    int start = out.size();
    out.writeUnsignedVarInt(count << 1);
    out.writeByte(1);
    out.setIntLE(lengthAt, out.size() - start);
  }

  /** Whether any of {@code flags[from, from + count)} is true (compared many at a time). */
  static boolean anyTrue(boolean[] flags, int from, int count) {
    for (int done = 0; done < count; done += NONE.length) {
      int length = Math.min(NONE.length, count - done);
      if (Arrays.mismatch(flags, from + done, from + done + length, NONE, 0, length) >= 0) {
        return true;
      }
    }

    return false;
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

package io.dativo.ingest.sink.parquet;

import io.dativo.ingest.columns.ColumnBatch;
import io.dativo.ingest.columns.StoredValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;

/**
 * BYTE_ARRAY columns (strings as UTF-8, binary). Dictionary-encoded while that pays, as parquet-mr
 * does: a chunk falls back to plain encoding when its dictionary outgrows the limit, and a column
 * whose first page does not get smaller with a dictionary stays plain for the rest of the file (a
 * column of ids or e-mail addresses), so it is not hashed again in every row group.
 */
final class BinaryColumn extends ColumnBuffer {
  private final List<byte[]> entries = new ArrayList<>();

  /**
   * The dictionary's hash table over byte slices (open addressing): entry id + 1 per slot, 0 for
   * empty; {@link #hashes} by entry id. Looked up with the bytes in place, no key object per value.
   */
  private int[] slots = new int[1024];

  private int[] hashes = new int[512];

  private long entryBytes;

  /** {@link #entryBytes} when the open page started. */
  private long pageEntryBytes;

  private int[] indexes;
  private int[] seenInPage;
  private int seenCount;
  private int pageSerial = 1;
  private int[] marks = new int[1024];

  private boolean dictionary;
  private boolean dictionaryPays;
  private boolean firstPage = true;

  private final PageBytes plain;
  private byte[] min;
  private byte[] max;

  BinaryColumn(
      ColumnDescriptor descriptor,
      int fieldId,
      Settings settings,
      BytesInputCompressor compressor,
      PageBytes scratch,
      PageStore store) {
    super(descriptor, fieldId, settings, compressor, scratch, store);
    this.dictionaryPays = settings.dictionary();
    this.dictionary = dictionaryPays;
    this.indexes = new int[initialCapacity()];
    this.seenInPage = new int[256];
    this.plain = new PageBytes(64 * 1024);
  }

  @Override
  protected void append(Object value) {
    byte[] bytes = StoredValues.bytes(value);
    appendBytes(bytes, 0, bytes.length);
  }

  @Override
  protected void appendRange(ColumnBatch.Column column, int from, int to, boolean anyNull) {
    byte[] source = column.bytes();
    boolean[] nulls = column.nulls();
    for (int row = from; row < to; row++) {
      if (!nulls[row]) {
        appendBytes(source, column.start(row), column.length(row));
        values++;
      }
    }
  }

  private void appendBytes(byte[] source, int from, int length) {
    if (dictionary) {
      int id = idOf(source, from, length);
      if (values == indexes.length) {
        indexes = Arrays.copyOf(indexes, grown(indexes.length));
      }

      indexes[values] = id;
      markSeen(id);
      return;
    }

    plain.writeIntLE(length);
    plain.write(source, from, length);
    updateBounds(source, from, length);
  }

  /** The dictionary id of {@code source[from, from + length)}, added when new. */
  private int idOf(byte[] source, int from, int length) {
    int hash = hash(source, from, length);
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int id = slots[slot] - 1;
      if (id < 0) {
        id = entries.size();
        entries.add(Arrays.copyOfRange(source, from, from + length));
        entryBytes += 4 + length;
        if (id == hashes.length) {
          hashes = Arrays.copyOf(hashes, id * 2);
        }

        hashes[id] = hash;
        slots[slot] = id + 1;
        if (entries.size() * 2 > slots.length) {
          rehash(slots.length * 2);
        }

        return id;
      }

      if (hashes[id] == hash) {
        byte[] entry = entries.get(id);
        if (sameBytes(entry, source, from, length)) {
          return id;
        }
      }
    }
  }

  private static int hash(byte[] source, int from, int length) {
    int hash = 1;
    for (int i = from, end = from + length; i < end; i++) {
      hash = 31 * hash + source[i];
    }

    int mixed = hash * 0x9E3779B9; // spreads the low bits the table is indexed by
    return mixed ^ (mixed >>> 16);
  }

  private void rehash(int size) {
    slots = new int[size];
    int mask = size - 1;
    for (int id = 0; id < entries.size(); id++) {
      int slot = hashes[id] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }

      slots[slot] = id + 1;
    }
  }

  private void clearDictionary() {
    entries.clear();
    entryBytes = 0;
    pageEntryBytes = 0;
    Arrays.fill(slots, 0);
  }

  /** Remembers which dictionary entries the open page uses, for its min and max. */
  private void markSeen(int id) {
    if (id >= marks.length) {
      marks = Arrays.copyOf(marks, Math.max(marks.length * 2, id + 1));
    }

    if (marks[id] != pageSerial) {
      marks[id] = pageSerial;
      if (seenCount == seenInPage.length) {
        seenInPage = Arrays.copyOf(seenInPage, seenCount * 2);
      }

      seenInPage[seenCount++] = id;
    }
  }

  private void updateBounds(byte[] bytes) {
    updateBounds(bytes, 0, bytes.length);
  }

  private void updateBounds(byte[] source, int from, int length) {
    int end = from + length;
    if (min == null || compare(source, from, length, min) < 0) {
      min = Arrays.copyOfRange(source, from, end);
    }

    if (max == null || compare(source, from, length, max) > 0) {
      max = Arrays.copyOfRange(source, from, end);
    }
  }

  // Plain loops: values are short, and most comparisons end at the first byte, where the JDK's
  // vectorized range methods cost more to set up than they save.

  /** Whether {@code entry} holds {@code source[from, from + length)}. */
  private static boolean sameBytes(byte[] entry, byte[] source, int from, int length) {
    if (entry.length != length) {
      return false;
    }

    for (int i = 0; i < length; i++) {
      if (entry[i] != source[from + i]) {
        return false;
      }
    }

    return true;
  }

  /**
   * {@code source[from, from + length)} against {@code bound}, bytes unsigned (Parquet's order).
   */
  private static int compare(byte[] source, int from, int length, byte[] bound) {
    int common = Math.min(length, bound.length);
    for (int i = 0; i < common; i++) {
      int a = source[from + i] & 0xff;
      int b = bound[i] & 0xff;
      if (a != b) {
        return a - b;
      }
    }

    return length - bound.length;
  }

  /**
   * The open page's size: for a dictionary-encoded page, its indexes and the entries it added (so a
   * page of long, distinct values closes at the page size, as a plain one would, instead of growing
   * the dictionary without bound; the dictionary's limit is then checked).
   */
  @Override
  protected long openPageBytes() {
    return dictionary ? (long) values * 4 + (entryBytes - pageEntryBytes) : plain.size();
  }

  @Override
  protected long dictionaryBytes() {
    return entryBytes;
  }

  @Override
  protected Statistics<?> pageStatistics(long nullCount) {
    if (dictionary) {
      for (int i = 0; i < seenCount; i++) {
        updateBounds(entries.get(seenInPage[i]));
      }
    }

    Statistics.Builder builder = statisticsBuilder().withNumNulls(nullCount);
    if (min != null) {
      builder.withMin(min).withMax(max);
    }

    min = null;
    max = null;
    seenCount = 0;
    pageSerial++;
    return builder.build();
  }

  @Override
  protected Encoding encodeValues(PageBytes out) {
    Encoding encoding = encodeOpenPage(out);
    pageEntryBytes = entryBytes;
    return encoding;
  }

  private Encoding encodeOpenPage(PageBytes out) {
    if (!dictionary) {
      out.write(plain);
      plain.reset();
      return Encoding.PLAIN;
    }

    if (entries.isEmpty()) {
      // Only nulls so far in this chunk: no dictionary page will be written, so this page cannot
      // say it is dictionary-encoded (readers refuse it). It has no values to write.
      return Encoding.PLAIN;
    }

    if (firstPage) {
      firstPage = false;
      long plainSize = 0;
      for (int i = 0; i < values; i++) {
        plainSize += 4 + entries.get(indexes[i]).length;
      }

      int width = Levels.bitWidth(Math.max(entries.size() - 1, 0));
      long encodedSize = (long) values * width / 8 + entryBytes;
      if (encodedSize >= plainSize) {
        // Not worth it for this column: this page and the rest of the file are plain.
        dictionaryPays = false;
        dictionary = false;
        for (int i = 0; i < values; i++) {
          byte[] bytes = entries.get(indexes[i]);
          out.writeIntLE(bytes.length);
          out.write(bytes, 0, bytes.length);
        }

        clearDictionary();
        return Encoding.PLAIN;
      }
    }

    Levels.writeDictionaryIndexes(
        out, indexes, values, Levels.bitWidth(Math.max(entries.size() - 1, 0)));
    if (entryBytes > settings().dictionarySizeBytes()) {
      // The dictionary is full: the rest of this chunk is plain; it is written with the chunk.
      dictionary = false;
    }

    return Encoding.PLAIN_DICTIONARY;
  }

  @Override
  protected DictionaryPage dictionaryPage(BytesInputCompressor compressor) throws IOException {
    if (entries.isEmpty()) {
      return null;
    }

    PageBytes page = new PageBytes((int) Math.min(entryBytes, Integer.MAX_VALUE - 16));
    for (byte[] entry : entries) {
      page.writeIntLE(entry.length);
      page.write(entry, 0, entry.length);
    }

    byte[] compressed = compress(page.array(), page.size());
    return new DictionaryPage(
        BytesInput.from(compressed), page.size(), entries.size(), Encoding.PLAIN_DICTIONARY);
  }

  @Override
  protected void startChunk() {
    clearDictionary();
    dictionary = dictionaryPays;
  }
}

package io.dativo.ingest.sink.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<Object, Integer> ids = new HashMap<>();
  private final List<byte[]> entries = new ArrayList<>();
  private long entryBytes;
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
      PageBytes scratch) {
    super(descriptor, fieldId, settings, compressor, scratch);
    this.dictionaryPays = settings.dictionary();
    this.dictionary = dictionaryPays;
    this.indexes = new int[initialCapacity()];
    this.seenInPage = new int[256];
    this.plain = new PageBytes(64 * 1024);
  }

  @Override
  protected void append(Object value) {
    if (dictionary) {
      Object key = value instanceof ByteBuffer buffer ? buffer.duplicate() : value.toString();
      Integer id = ids.get(key);
      if (id == null) {
        id = entries.size();
        byte[] bytes = bytes(value);
        ids.put(key instanceof ByteBuffer ? ByteBuffer.wrap(bytes) : key, id);
        entries.add(bytes);
        entryBytes += 4 + bytes.length;
      }

      if (values == indexes.length) {
        indexes = Arrays.copyOf(indexes, grown(indexes.length));
      }

      indexes[values] = id;
      markSeen(id);
      return;
    }

    byte[] bytes = bytes(value);
    plain.writeIntLE(bytes.length);
    plain.write(bytes, 0, bytes.length);
    updateBounds(bytes);
  }

  private static byte[] bytes(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }

    return value.toString().getBytes(StandardCharsets.UTF_8);
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
    if (min == null || Arrays.compareUnsigned(bytes, min) < 0) {
      min = bytes;
    }

    if (max == null || Arrays.compareUnsigned(bytes, max) > 0) {
      max = bytes;
    }
  }

  @Override
  protected long openPageBytes() {
    return dictionary ? (long) values * 4 : plain.size();
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

        ids.clear();
        entries.clear();
        entryBytes = 0;
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
    ids.clear();
    entries.clear();
    entryBytes = 0;
    dictionary = dictionaryPays;
  }
}

package io.dativo.ingest.sink.parquet;

import io.dativo.ingest.columns.ColumnBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.FieldMetrics;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * One top-level column of a file being written: the values of the open page in primitive arrays,
 * and the compressed pages of the open row group until it is flushed. A page is encoded in one pass
 * over the arrays when it fills, which is where this writer saves over a value-at-a-time writer.
 */
abstract class ColumnBuffer {
  /** Rows of a variable-width column added between checks of the page's byte size. */
  private static final int BYTE_LIMIT_CHECK = 64;

  private final ColumnDescriptor descriptor;
  private final int fieldId;
  private final boolean optional;

  /**
   * Whether a page can reach its byte limit before its row limit (binary values); fixed-width
   * columns are not asked on every value.
   */
  private final boolean variableWidth;

  private final Settings settings;
  private final BytesInputCompressor compressor;
  private final List<EncodedPage> pages = new ArrayList<>();
  private final PageBytes page;
  private final PageStore store;
  private long pagedBytes;

  /** Nulls of the open page, row by row; values are kept densely (non-null only). */
  protected boolean[] nulls;

  protected int rows;
  protected int values;
  private long fileNulls;
  private long fileRows;

  /** What a column needs from the file's settings. */
  record Settings(
      int pageRowLimit, int pageSizeBytes, int dictionarySizeBytes, boolean dictionary) {}

  private record EncodedPage(
      PageStore.Slot bytes,
      int uncompressedSize,
      int rows,
      Statistics<?> statistics,
      Encoding encoding) {}

  /**
   * A column of a file whose pages are encoded in {@code scratch} (shared by the files a thread
   * writes) and kept compressed in {@code store} (the file's) until their row group is written.
   */
  ColumnBuffer(
      ColumnDescriptor descriptor,
      int fieldId,
      Settings settings,
      BytesInputCompressor compressor,
      PageBytes scratch,
      PageStore store) {
    this.descriptor = descriptor;
    this.fieldId = fieldId;
    this.optional = descriptor.getMaxDefinitionLevel() > 0;
    this.variableWidth =
        descriptor.getPrimitiveType().getPrimitiveTypeName()
                == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY
            || (long) settings.pageRowLimit() * 8 > settings.pageSizeBytes();
    this.settings = settings;
    this.compressor = compressor;
    this.nulls = new boolean[initialCapacity()];
    this.page = scratch;
    this.store = store;
  }

  final Settings settings() {
    return settings;
  }

  final ColumnDescriptor descriptor() {
    return descriptor;
  }

  final int fieldId() {
    return fieldId;
  }

  /** Adds the next row's value (null for none); closes the page when it is full. */
  final void add(Object value) throws IOException {
    if (value == null) {
      if (!optional) {
        throw new IllegalArgumentException(
            "Column '" + descriptor.getPath()[0] + "' is required but a row has no value");
      }

      ensureRow();
      nulls[rows++] = true;
      fileNulls++;
    } else {
      ensureRow();
      nulls[rows++] = false;
      append(value);
      values++;
    }

    fileRows++;
    if (rows == settings.pageRowLimit()
        || (variableWidth && openPageBytes() >= settings.pageSizeBytes())) {
      closePage();
    }
  }

  /**
   * Adds rows {@code [from, to)} of a batch's column, closing pages as they fill: the record path's
   * {@link #add(Object)} for a run of rows, without an object per value.
   */
  final void add(ColumnBatch.Column column, int from, int to) throws IOException {
    boolean[] batchNulls = column.nulls();
    int row = from;
    while (row < to) {
      int room = settings.pageRowLimit() - rows;
      // A page of text may reach its byte limit first: checked every few rows, as parquet-mr does.
      int count = Math.min(to - row, variableWidth ? Math.min(room, rowsBeforeCheck()) : room);
      if (rows + count > nulls.length) {
        nulls = Arrays.copyOf(nulls, Math.max(grown(nulls.length), rows + count));
      }

      boolean anyNull = Levels.anyTrue(batchNulls, row, count);
      if (anyNull && !optional) {
        throw new IllegalArgumentException(
            "Column '" + descriptor.getPath()[0] + "' is required but a row has no value");
      }

      System.arraycopy(batchNulls, row, nulls, rows, count);
      int valuesBefore = values;
      appendRange(column, row, row + count, anyNull);
      fileNulls += count - (values - valuesBefore);
      rows += count;
      fileRows += count;
      row += count;
      if (rows == settings.pageRowLimit()
          || (variableWidth && openPageBytes() >= settings.pageSizeBytes())) {
        closePage();
      }
    }
  }

  /**
   * Rows a variable-width page takes before its size is checked again: up to {@link
   * #BYTE_LIMIT_CHECK}, fewer when its values are long, so a page of 100 KB values closes near the
   * page size instead of 64 values later.
   */
  private int rowsBeforeCheck() {
    if (rows == 0) {
      return 1;
    }

    long bytes = openPageBytes();
    long perRow = Math.max(1, bytes / rows);
    long left = settings.pageSizeBytes() - bytes;
    return (int) Math.max(1, Math.min(BYTE_LIMIT_CHECK, left / perRow));
  }

  /**
   * Page arrays start small and grow to the page's row limit: a file that gets a few rows (one of
   * many partitions) holds little.
   */
  protected final int initialCapacity() {
    return Math.min(settings.pageRowLimit(), 1024);
  }

  /** The next size of a page array that is full. */
  protected final int grown(int length) {
    return Math.min(settings.pageRowLimit(), Math.max(1, length * 2));
  }

  private void ensureRow() {
    if (rows == nulls.length) {
      nulls = Arrays.copyOf(nulls, grown(nulls.length));
    }
  }

  /** Appends a non-null value at index {@link #values}. */
  protected abstract void append(Object value);

  /**
   * Appends the non-null values of rows {@code [from, to)} from index {@link #values} on, counting
   * each in {@link #values}; {@code anyNull} is false when none of those rows is null.
   */
  protected abstract void appendRange(ColumnBatch.Column column, int from, int to, boolean anyNull);

  /** The open page's values, encoded, as bytes so far. */
  protected abstract long openPageBytes();

  /** Writes the open page's values to {@code out}; returns the encoding used. */
  protected abstract Encoding encodeValues(PageBytes out);

  /** The open page's statistics (min and max in Parquet's plain encoding of the type). */
  protected abstract Statistics<?> pageStatistics(long nullCount);

  /**
   * The dictionary page of the row group's chunk, or null when its pages are not
   * dictionary-encoded.
   */
  protected DictionaryPage dictionaryPage(BytesInputCompressor compressor) throws IOException {
    return null;
  }

  /** Forgets the row group's dictionary (each column chunk has its own). */
  protected void startChunk() {}

  /** NaN counts and bounds for floating-point columns (Iceberg does not trust Parquet's). */
  FieldMetrics<?> fieldMetrics() {
    return null;
  }

  final long fileRows() {
    return fileRows;
  }

  final long fileNulls() {
    return fileNulls;
  }

  /** Bytes held for the open row group: compressed pages plus the open page. */
  final long bufferedBytes() {
    return pagedBytes + openPageBytes() + dictionaryBytes();
  }

  protected long dictionaryBytes() {
    return 0;
  }

  final void closePage() throws IOException {
    if (rows == 0) {
      return;
    }

    page.reset();
    if (optional) {
      Levels.writeDefinitionLevels(page, nulls, rows);
    }

    Statistics<?> statistics = pageStatistics(rows - values);
    Encoding encoding = encodeValues(page);
    PageStore.Slot compressed;
    if (compressor instanceof ZstdPageCompressor zstd) {
      store.reserve(ZstdPageCompressor.bound(page.size()));
      compressed =
          store.take(zstd.compressInto(store.block(), store.position(), page.array(), page.size()));
    } else {
      compressed = store.add(compress(page.array(), page.size()));
    }

    pages.add(new EncodedPage(compressed, page.size(), rows, statistics, encoding));
    pagedBytes += compressed.length();
    rows = 0;
    values = 0;
  }

  protected final byte[] compress(byte[] bytes, int length) throws IOException {
    // The codec may reuse its output buffer: keep a copy.
    if (compressor instanceof ZstdPageCompressor zstd) {
      return zstd.compress(bytes, length); // no copy of the page on the way in
    }

    return compressor.compress(BytesInput.from(bytes, 0, length)).toByteArray();
  }

  /**
   * Writes the row group's chunk of this column and starts the next one; the file clears the store
   * once every column wrote its chunk.
   */
  final void writeChunk(ParquetFileWriter writer) throws IOException {
    closePage();
    long total = 0;
    for (EncodedPage encoded : pages) {
      total += encoded.rows();
    }

    writer.startColumn(descriptor, total, compressor.getCodecName());
    DictionaryPage dictionary = dictionaryPage(compressor);
    if (dictionary != null) {
      writer.writeDictionaryPage(dictionary);
    }

    Encoding levels = optional ? Encoding.RLE : Encoding.BIT_PACKED;
    for (EncodedPage encoded : pages) {
      writer.writeDataPage(
          encoded.rows(),
          encoded.uncompressedSize(),
          BytesInput.from(
              encoded.bytes().block(), encoded.bytes().offset(), encoded.bytes().length()),
          encoded.statistics(),
          encoded.rows(),
          Encoding.BIT_PACKED,
          levels,
          encoded.encoding());
    }

    writer.endColumn();
    pages.clear();
    pagedBytes = 0;
    startChunk();
  }

  protected final Statistics.Builder statisticsBuilder() {
    return Statistics.getBuilderForReading(descriptor.getPrimitiveType());
  }
}

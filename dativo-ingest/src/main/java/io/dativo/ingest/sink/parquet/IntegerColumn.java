package io.dativo.ingest.sink.parquet;

import io.dativo.ingest.columns.ColumnBatch;
import io.dativo.ingest.columns.StoredValues;
import java.util.Arrays;
import org.apache.iceberg.types.Type;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * INT32 and INT64 columns, plain-encoded: Iceberg's int, long, date (days), time and timestamp
 * (microseconds) and decimals of up to 18 digits (the unscaled value).
 */
final class IntegerColumn extends ColumnBuffer {
  private final Type type;
  private final boolean wide;
  private long[] buffer;
  private long min;
  private long max;

  IntegerColumn(
      ColumnDescriptor descriptor,
      int fieldId,
      Settings settings,
      BytesInputCompressor compressor,
      PageBytes scratch,
      PageStore store,
      Type type) {
    super(descriptor, fieldId, settings, compressor, scratch, store);
    this.type = type;
    this.wide = descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64;
    this.buffer = new long[initialCapacity()];
  }

  @Override
  protected void append(Object value) {
    appendLong(StoredValues.toLong(value, type));
  }

  @Override
  protected void appendRange(ColumnBatch.Column column, int from, int to, boolean anyNull) {
    long[] source = column.longs();
    boolean[] nulls = column.nulls();
    if (values + (to - from) > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(grown(buffer.length), values + (to - from)));
    }

    if (!anyNull && to > from) {
      // Every row has a value (the common case): one copy, then the bounds in a plain loop.
      System.arraycopy(source, from, buffer, values, to - from);
      long low = values == 0 ? source[from] : min;
      long high = values == 0 ? source[from] : max;
      for (int row = from; row < to; row++) {
        low = Math.min(low, source[row]);
        high = Math.max(high, source[row]);
      }

      min = low;
      max = high;
      values += to - from;
      return;
    }

    for (int row = from; row < to; row++) {
      if (!nulls[row]) {
        appendLong(source[row]);
        values++;
      }
    }
  }

  private void appendLong(long v) {
    // Branch-free bounds: rising values (ids, times) never take a "new minimum" branch, which C2
    // compiles as a trap and recompiles the row loop for when a later page first takes it.
    if (values == 0) {
      min = v;
      max = v;
    } else {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    if (values == buffer.length) {
      buffer = Arrays.copyOf(buffer, grown(buffer.length));
    }

    buffer[values] = v;
  }

  @Override
  protected long openPageBytes() {
    return (long) values * (wide ? 8 : 4);
  }

  @Override
  protected Encoding encodeValues(PageBytes out) {
    if (wide) {
      out.writeLongsLE(buffer, values);
    } else {
      out.writeIntsLE(buffer, values);
    }

    return Encoding.PLAIN;
  }

  @Override
  protected Statistics<?> pageStatistics(long nullCount) {
    Statistics.Builder builder = statisticsBuilder().withNumNulls(nullCount);
    if (values > 0) {
      builder.withMin(plain(min)).withMax(plain(max));
    }

    return builder.build();
  }

  private byte[] plain(long value) {
    PageBytes bytes = new PageBytes(8);
    if (wide) {
      bytes.writeLongLE(value);
    } else {
      bytes.writeIntLE((int) value);
    }

    return bytes.toByteArray();
  }
}

package io.dativo.ingest.sink.parquet;

import io.dativo.ingest.columns.ColumnBatch;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;

/** BOOLEAN columns: plain encoding packs them one bit each, least significant bit first. */
final class BooleanColumn extends ColumnBuffer {
  private boolean[] buffer;
  private boolean anyTrue;
  private boolean anyFalse;

  BooleanColumn(
      ColumnDescriptor descriptor,
      int fieldId,
      Settings settings,
      BytesInputCompressor compressor,
      PageBytes scratch,
      PageStore store) {
    super(descriptor, fieldId, settings, compressor, scratch, store);
    this.buffer = new boolean[initialCapacity()];
  }

  @Override
  protected void append(Object value) {
    appendBoolean((Boolean) value);
  }

  @Override
  protected void appendRange(ColumnBatch.Column column, int from, int to, boolean anyNull) {
    boolean[] source = column.booleans();
    boolean[] nulls = column.nulls();
    for (int row = from; row < to; row++) {
      if (!nulls[row]) {
        appendBoolean(source[row]);
        values++;
      }
    }
  }

  private void appendBoolean(boolean v) {
    anyTrue |= v;
    anyFalse |= !v;
    if (values == buffer.length) {
      buffer = Arrays.copyOf(buffer, grown(buffer.length));
    }

    buffer[values] = v;
  }

  @Override
  protected long openPageBytes() {
    return (values + 7) / 8;
  }

  @Override
  protected Encoding encodeValues(PageBytes out) {
    int current = 0;
    for (int i = 0; i < values; i++) {
      if (buffer[i]) {
        current |= 1 << (i & 7);
      }

      if ((i & 7) == 7) {
        out.writeByte(current);
        current = 0;
      }
    }

    if ((values & 7) != 0) {
      out.writeByte(current);
    }

    return Encoding.PLAIN;
  }

  @Override
  protected Statistics<?> pageStatistics(long nullCount) {
    Statistics.Builder builder = statisticsBuilder().withNumNulls(nullCount);
    if (anyTrue || anyFalse) {
      builder.withMin(new byte[] {(byte) (anyFalse ? 0 : 1)});
      builder.withMax(new byte[] {(byte) (anyTrue ? 1 : 0)});
    }

    anyTrue = false;
    anyFalse = false;
    return builder.build();
  }
}

package io.dativo.ingest.sink.parquet;

import io.dativo.ingest.columns.ColumnBatch;
import java.util.Arrays;
import org.apache.iceberg.FieldMetrics;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.FloatStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * FLOAT and DOUBLE columns, plain-encoded. Page statistics are parquet-mr's own; Iceberg's bounds
 * and NaN count come from {@link #fieldMetrics}, which leaves NaN out.
 */
final class FloatingColumn extends ColumnBuffer {
  private final boolean isFloat;
  private double[] buffer;
  private double min;
  private double max;
  private boolean pageNaN;
  private long fileNaN;
  private boolean boundsSet;
  private boolean fileBoundsSet;
  private double fileMin;
  private double fileMax;

  FloatingColumn(
      ColumnDescriptor descriptor,
      int fieldId,
      Settings settings,
      BytesInputCompressor compressor,
      PageBytes scratch,
      PageStore store) {
    super(descriptor, fieldId, settings, compressor, scratch, store);
    this.isFloat = descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
    this.buffer = new double[initialCapacity()];
  }

  @Override
  protected void append(Object value) {
    Number number = (Number) value;
    appendDouble(isFloat ? number.floatValue() : number.doubleValue());
  }

  @Override
  protected void appendRange(ColumnBatch.Column column, int from, int to, boolean anyNull) {
    double[] source = column.doubles();
    boolean[] nulls = column.nulls();
    if (!anyNull && to > from) {
      appendAll(source, from, to);
      return;
    }

    for (int row = from; row < to; row++) {
      if (!nulls[row]) {
        appendDouble(source[row]); // a float column's batch holds float values already
        values++;
      }
    }
  }

  /**
   * Rows {@code [from, to)} that all have a value: one copy, then NaNs and bounds in a plain loop
   * (Math.min and max give the same bounds in any order, signed zeros included).
   */
  private void appendAll(double[] source, int from, int to) {
    int count = to - from;
    if (values + count > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(grown(buffer.length), values + count));
    }

    System.arraycopy(source, from, buffer, values, count);
    values += count;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    int nans = 0;
    for (int row = from; row < to; row++) {
      double v = source[row];
      if (Double.isNaN(v)) {
        nans++;
      } else {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }

    if (nans > 0) {
      pageNaN = true;
      fileNaN += nans;
    }

    if (nans == count) {
      return;
    }

    min = boundsSet ? Math.min(min, low) : low;
    max = boundsSet ? Math.max(max, high) : high;
    boundsSet = true;
    fileMin = fileBoundsSet ? Math.min(fileMin, low) : low;
    fileMax = fileBoundsSet ? Math.max(fileMax, high) : high;
    fileBoundsSet = true;
  }

  private void appendDouble(double v) {
    if (Double.isNaN(v)) {
      pageNaN = true;
      fileNaN++;
    } else {
      // Math.min and max order -0.0 before 0.0 as Double.compare does (NaN never gets here), and
      // have no branch for C2 to compile as a trap that a later value takes.
      if (!boundsSet) {
        min = v;
        max = v;
        boundsSet = true;
      } else {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }

      if (!fileBoundsSet) {
        fileMin = v;
        fileMax = v;
        fileBoundsSet = true;
      } else {
        fileMin = Math.min(fileMin, v);
        fileMax = Math.max(fileMax, v);
      }
    }

    if (values == buffer.length) {
      buffer = Arrays.copyOf(buffer, grown(buffer.length));
    }

    buffer[values] = v;
  }

  @Override
  protected long openPageBytes() {
    return (long) values * (isFloat ? 4 : 8);
  }

  @Override
  protected Encoding encodeValues(PageBytes out) {
    if (isFloat) {
      out.ensure(values * 4);
      for (int i = 0; i < values; i++) {
        out.writeIntLE(Float.floatToRawIntBits((float) buffer[i]));
      }
    } else {
      out.writeDoublesLE(buffer, values);
    }

    return Encoding.PLAIN;
  }

  /**
   * Statistics built the way parquet-mr builds them (its builder for reading would turn a NaN bound
   * into "no values", which makes readers skip the page as all-null): a page holding NaN ends up
   * without usable bounds, so no reader prunes it.
   */
  @Override
  protected Statistics<?> pageStatistics(long nullCount) {
    Statistics<?> statistics = Statistics.createStats(descriptor().getPrimitiveType());
    if (boundsSet) {
      // Parquet's rule for zeros: a min of 0 is written as -0.0 and a max of 0 as +0.0
      update(statistics, min == 0.0 ? -0.0 : min);
      update(statistics, max == 0.0 ? 0.0 : max);
    }

    if (pageNaN) {
      update(statistics, Double.NaN);
    }

    statistics.incrementNumNulls(nullCount);
    pageNaN = false;
    boundsSet = false;
    return statistics;
  }

  private static void update(Statistics<?> statistics, double value) {
    if (statistics instanceof FloatStatistics floats) {
      floats.updateStats((float) value);
    } else {
      ((DoubleStatistics) statistics).updateStats(value);
    }
  }

  @Override
  FieldMetrics<?> fieldMetrics() {
    long count = fileRows();
    if (isFloat) {
      return new FieldMetrics<>(
          fieldId(),
          count,
          fileNulls(),
          fileNaN,
          fileBoundsSet ? (Float) (float) fileMin : null,
          fileBoundsSet ? (Float) (float) fileMax : null);
    }

    return new FieldMetrics<>(
        fieldId(),
        count,
        fileNulls(),
        fileNaN,
        fileBoundsSet ? (Double) fileMin : null,
        fileBoundsSet ? (Double) fileMax : null);
  }
}

package io.dativo.ingest.sink.parquet;

import org.apache.iceberg.FieldMetrics;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * FLOAT and DOUBLE columns, plain-encoded. A page holding NaN gets NaN as its min and max, as
 * parquet-mr writes it (readers then do not use that page's bounds); Iceberg's own bounds and NaN
 * count come from {@link #fieldMetrics}, which leaves NaN out.
 */
final class FloatingColumn extends ColumnBuffer {
  private final boolean isFloat;
  private final double[] buffer;
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
      PageBytes scratch) {
    super(descriptor, fieldId, settings, compressor, scratch);
    this.isFloat = descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
    this.buffer = new double[settings.pageRowLimit()];
  }

  @Override
  protected void append(Object value) {
    Number number = (Number) value;
    double v = isFloat ? number.floatValue() : number.doubleValue();

    if (Double.isNaN(v)) {
      pageNaN = true;
      fileNaN++;
    } else {
      if (!boundsSet) {
        min = v;
        max = v;
        boundsSet = true;
      } else if (Double.compare(v, min) < 0) {
        min = v;
      } else if (Double.compare(v, max) > 0) {
        max = v;
      }

      if (!fileBoundsSet) {
        fileMin = v;
        fileMax = v;
        fileBoundsSet = true;
      } else if (Double.compare(v, fileMin) < 0) {
        fileMin = v;
      } else if (Double.compare(v, fileMax) > 0) {
        fileMax = v;
      }
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
      out.ensure(values * 8);
      for (int i = 0; i < values; i++) {
        out.writeLongLE(Double.doubleToRawLongBits(buffer[i]));
      }
    }

    return Encoding.PLAIN;
  }

  @Override
  protected Statistics<?> pageStatistics(long nullCount) {
    Statistics.Builder builder = statisticsBuilder().withNumNulls(nullCount);
    if (pageNaN) {
      builder.withMin(plain(Double.NaN)).withMax(plain(Double.NaN));
    } else if (boundsSet) {
      // Parquet's rule for zeros: a min of 0 is written as -0.0 and a max of 0 as +0.0
      builder.withMin(plain(min == 0.0 ? -0.0 : min)).withMax(plain(max == 0.0 ? 0.0 : max));
    }

    pageNaN = false;
    boundsSet = false;
    return builder.build();
  }

  private byte[] plain(double value) {
    PageBytes bytes = new PageBytes(8);
    if (isFloat) {
      bytes.writeIntLE(Float.floatToRawIntBits((float) value));
    } else {
      bytes.writeLongLE(Double.doubleToRawLongBits(value));
    }

    return bytes.toByteArray();
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

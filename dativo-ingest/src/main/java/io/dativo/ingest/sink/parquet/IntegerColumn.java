package io.dativo.ingest.sink.parquet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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
  /** How a record's Java value becomes the stored integer. */
  enum Kind {
    INT,
    LONG,
    DATE,
    TIME,
    TIMESTAMP,
    DECIMAL
  }

  private final Kind kind;
  private final int decimalScale;
  private final int precision;
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
      Kind kind,
      int decimalScale) {
    super(descriptor, fieldId, settings, compressor, scratch);
    this.kind = kind;
    this.decimalScale = decimalScale;
    this.precision =
        descriptor.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof
                org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
            ? d.getPrecision()
            : 18;
    this.wide = descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64;
    this.buffer = new long[initialCapacity()];
  }

  @Override
  protected void append(Object value) {
    long v = toLong(value);
    if (values == 0) {
      min = v;
      max = v;
    } else if (v < min) {
      min = v;
    } else if (v > max) {
      max = v;
    }

    if (values == buffer.length) {
      buffer = Arrays.copyOf(buffer, grown(buffer.length));
    }

    buffer[values] = v;
  }

  private long toLong(Object value) {
    return switch (kind) {
      case INT, LONG -> ((Number) value).longValue();
      case DATE -> ((LocalDate) value).toEpochDay();
      case TIME -> ((LocalTime) value).toNanoOfDay() / 1000;
      case TIMESTAMP -> timestampMicros(value);
      case DECIMAL -> unscaled((BigDecimal) value);
    };
  }

  /**
   * Microseconds since the epoch, digits past the microsecond truncated toward zero as Iceberg's
   * writer and transforms do ({@code ChronoUnit.MICROS.between}), so a value and its partition
   * agree.
   */
  private static long timestampMicros(Object value) {
    long seconds;
    int nanos;
    if (value instanceof OffsetDateTime odt) {
      seconds = odt.toEpochSecond();
      nanos = odt.getNano();
    } else {
      LocalDateTime ldt = (LocalDateTime) value;
      seconds = ldt.toEpochSecond(ZoneOffset.UTC);
      nanos = ldt.getNano();
    }

    if (seconds < 0 && nanos > 0) {
      seconds++;
      nanos -= 1_000_000_000;
    }

    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
  }

  private long unscaled(BigDecimal decimal) {
    if (decimal.scale() != decimalScale) {
      throw new IllegalArgumentException(
          "Decimal " + decimal + " does not have the column's scale " + decimalScale);
    }

    if (decimal.precision() > precision) {
      throw new IllegalArgumentException(
          "Decimal " + decimal + " has more than the column's " + precision + " digits");
    }

    return decimal.unscaledValue().longValueExact();
  }

  @Override
  protected long openPageBytes() {
    return (long) values * (wide ? 8 : 4);
  }

  @Override
  protected Encoding encodeValues(PageBytes out) {
    if (wide) {
      out.ensure(values * 8);
      for (int i = 0; i < values; i++) {
        out.writeLongLE(buffer[i]);
      }
    } else {
      out.ensure(values * 4);
      for (int i = 0; i < values; i++) {
        out.writeIntLE((int) buffer[i]);
      }
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

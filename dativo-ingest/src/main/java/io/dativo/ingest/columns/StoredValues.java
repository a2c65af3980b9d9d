package io.dativo.ingest.columns;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The Java values of Iceberg's generic records (as {@code ValueConverter} makes them) as the
 * primitives Parquet stores: integers, days, microseconds and unscaled decimals as {@code long},
 * text and binary as bytes. One definition for the record and the column-batch paths, so both write
 * the same numbers.
 */
public final class StoredValues {
  private StoredValues() {}

  /** An integer-stored value of {@code type} (int, long, date, time, timestamp, decimal). */
  public static long toLong(Object value, Type type) {
    return switch (type.typeId()) {
      case INTEGER, LONG -> ((Number) value).longValue();
      case DATE -> ((LocalDate) value).toEpochDay();
      case TIME -> ((LocalTime) value).toNanoOfDay() / 1000;
      case TIMESTAMP -> timestampMicros(value);
      case DECIMAL -> {
        Types.DecimalType decimal = (Types.DecimalType) type;
        yield unscaled((BigDecimal) value, decimal.scale(), decimal.precision());
      }
      default -> throw new IllegalArgumentException("Not stored as an integer: " + type);
    };
  }

  /**
   * Microseconds since the epoch, digits past the microsecond truncated toward zero as Iceberg's
   * writer and transforms do ({@code ChronoUnit.MICROS.between}), so a value and its partition
   * agree.
   */
  public static long timestampMicros(Object value) {
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

  /** A decimal of the column's scale as its unscaled value; more digits than fit are refused. */
  public static long unscaled(BigDecimal decimal, int scale, int precision) {
    if (decimal.scale() != scale) {
      throw new IllegalArgumentException(
          "Decimal " + decimal + " does not have the column's scale " + scale);
    }

    if (decimal.precision() > precision) {
      throw new IllegalArgumentException(
          "Decimal " + decimal + " has more than the column's " + precision + " digits");
    }

    return decimal.unscaledValue().longValueExact();
  }

  /** Text as UTF-8, binary as its bytes. */
  public static byte[] bytes(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }

    if (value instanceof byte[] bytes) {
      return bytes;
    }

    return value.toString().getBytes(StandardCharsets.UTF_8);
  }
}

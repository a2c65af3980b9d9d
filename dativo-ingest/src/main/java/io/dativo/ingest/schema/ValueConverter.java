package io.dativo.ingest.schema;

import io.dativo.ingest.columns.StoredValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts a source value (text from CSV, a JDBC object) to the Java value Iceberg's generic
 * records hold for a column's type. A value that does not fit throws {@link BadValue} with the
 * reason; empty text is null.
 */
public final class ValueConverter {
  private static final java.util.regex.Pattern OFFSET =
      java.util.regex.Pattern.compile("[+-]\\d\\d:?\\d\\d$");
  private static final DateTimeFormatter SPACE_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

  /** A value that does not fit its column's type. */
  public static final class BadValue extends Exception {
    public BadValue(String message) {
      super(message, null, false, false);
    }
  }

  private ValueConverter() {}

  public static Object convert(Object value, Type type) throws BadValue {
    if (value == null || (value instanceof String text && text.isEmpty())) {
      return null;
    }

    return switch (type.typeId()) {
      case STRING -> value instanceof String s ? s : String.valueOf(value);
      case LONG -> toLong(value);
      case DOUBLE -> toDouble(value);
      case DECIMAL -> toDecimal(value, (Types.DecimalType) type);
      case BOOLEAN -> toBoolean(value);
      case DATE -> toDate(value);
      case TIMESTAMP -> toTimestamp(value);
      case TIME -> toTime(value);
      case BINARY -> toBinary(value);
      default -> throw new BadValue("unsupported type " + type);
    };
  }

  private static Long toLong(Object value) throws BadValue {
    if (value instanceof Number number) {
      if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
        BigDecimal decimal = new BigDecimal(number.toString());
        if (decimal.stripTrailingZeros().scale() > 0) {
          throw new BadValue("expected an integer, found '" + value + "'");
        }

        return decimal.longValueExact();
      }

      return number.longValue();
    }

    String text = value.toString().trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadValue("expected an integer, found '" + abbreviate(text) + "'");
    }
  }

  private static Double toDouble(Object value) throws BadValue {
    if (value instanceof Number number) {
      return number.doubleValue();
    }

    String text = value.toString().trim();
    try {
      return FastNumbers.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadValue("expected a number, found '" + abbreviate(text) + "'");
    }
  }

  private static BigDecimal toDecimal(Object value, Types.DecimalType type) throws BadValue {
    try {
      BigDecimal decimal =
          (value instanceof BigDecimal d ? d : new BigDecimal(value.toString().trim()))
              .setScale(type.scale(), RoundingMode.HALF_UP);
      if (decimal.precision() > type.precision()) {
        // A Parquet reader would see a wrong number (or Iceberg's writer stop the run): reject it.
        throw new BadValue(
            "expected at most "
                + type.precision()
                + " digits ("
                + type
                + "), found '"
                + abbreviate(value.toString())
                + "'");
      }

      return decimal;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadValue("expected a decimal number, found '" + abbreviate(value.toString()) + "'");
    }
  }

  private static Boolean toBoolean(Object value) throws BadValue {
    if (value instanceof Boolean bool) {
      return bool;
    }

    return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default ->
          throw new BadValue(
              "expected true or false, found '" + abbreviate(value.toString()) + "'");
    };
  }

  private static LocalDate toDate(Object value) throws BadValue {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }

    if (value instanceof LocalDate date) {
      return date;
    }

    String text = value.toString().trim();
    Optional<LocalDate> fast = FastTimes.date(text);
    if (fast.isPresent()) {
      return fast.get();
    }

    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadValue("expected a date (yyyy-mm-dd), found '" + abbreviate(text) + "'");
    }
  }

  /**
   * ISO-8601 with or without offset (no offset means UTC), {@code yyyy-MM-dd HH:mm:ss}, or epoch
   * seconds.
   */
  private static OffsetDateTime toTimestamp(Object value) throws BadValue {
    try {
      OffsetDateTime timestamp = parseTimestamp(value);
      StoredValues.timestampMicros(timestamp); // what Iceberg stores must fit in 64 bits
      return timestamp;
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw new BadValue(
          "expected a timestamp Iceberg can store (microseconds since 1970 in 64 bits), found '"
              + abbreviate(value.toString())
              + "'");
    }
  }

  private static OffsetDateTime parseTimestamp(Object value) throws BadValue {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }

    if (value instanceof OffsetDateTime odt) {
      return odt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }

    if (value instanceof Number number) {
      return Instant.ofEpochSecond(number.longValue()).atOffset(ZoneOffset.UTC);
    }

    String text = value.toString().trim();
    Optional<OffsetDateTime> fast = FastTimes.timestamp(text);
    if (fast.isPresent()) {
      return fast.get();
    }

    try {
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochSecond(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
      }

      if (text.endsWith("Z") || OFFSET.matcher(text).find()) {
        return OffsetDateTime.parse(text.replace(' ', 'T')).withOffsetSameInstant(ZoneOffset.UTC);
      }

      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
      }

      return (text.indexOf('T') > 0
              ? LocalDateTime.parse(text)
              : LocalDateTime.parse(text, SPACE_TIMESTAMP))
          .atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadValue(
          "expected a timestamp (ISO-8601 or epoch seconds), found '" + abbreviate(text) + "'");
    }
  }

  private static LocalTime toTime(Object value) throws BadValue {
    if (value instanceof java.sql.Time time) {
      return time.toLocalTime();
    }

    try {
      return LocalTime.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      throw new BadValue(
          "expected a time (hh:mm:ss), found '" + abbreviate(value.toString()) + "'");
    }
  }

  private static ByteBuffer toBinary(Object value) throws BadValue {
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }

    try {
      return ByteBuffer.wrap(Base64.getDecoder().decode(value.toString().trim()));
    } catch (IllegalArgumentException e) {
      return ByteBuffer.wrap(value.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}

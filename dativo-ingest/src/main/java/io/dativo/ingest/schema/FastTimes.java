package io.dativo.ingest.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Parses the canonical ISO-8601 forms ({@code 2025-01-31}, {@code 2025-01-31T10:00:00Z}, {@code
 * 2025-01-31 10:00:00.123+02:00}) digit by digit, straight to epoch days or microseconds: {@code
 * java.time}'s formatter and objects cost several times more per value, which dominates CSV
 * ingestion. Anything else gives {@link #NONE} (or empty) and takes the general path.
 */
final class FastTimes {
  /** Not one of the forms parsed here. */
  static final long NONE = Long.MIN_VALUE;

  private static final int SECONDS_PER_DAY = 86_400;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private FastTimes() {}

  static Optional<LocalDate> date(CharSequence text) {
    long days = epochDay(text);
    return days == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(days));
  }

  /** {@code yyyy-MM-dd} as days since 1970-01-01, or {@link #NONE}. */
  static long epochDay(CharSequence text) {
    return text.length() == 10 ? epochDay(text, 0) : NONE;
  }

  /** {@code yyyy-MM-dd[T| ]HH:mm:ss[.f{1,9}][Z|±HH:mm|±HHmm]}; no offset means UTC. */
  static Optional<OffsetDateTime> timestamp(CharSequence text) {
    long micros = timestampMicros(text);
    if (micros == NONE) {
      return Optional.empty();
    }

    // LocalDateTime.ofEpochSecond needs no zone rules (OffsetDateTime.ofInstant makes a ZoneRules
    // per call for a ZoneOffset).
    LocalDateTime utc =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000 + subMicros(text),
            ZoneOffset.UTC);
    return Optional.of(OffsetDateTime.of(utc, ZoneOffset.UTC));
  }

  /**
   * The same forms as microseconds since the epoch (UTC; digits past the microsecond dropped), or
   * {@link #NONE}.
   */
  static long timestampMicros(CharSequence text) {
    return micros(text, 9);
  }

  /**
   * As {@link #timestampMicros}, but {@link #NONE} for digits past the microsecond: before 1970
   * they would round differently from the records' rule (toward zero, {@code StoredValues}).
   */
  static long wholeMicros(CharSequence text) {
    return micros(text, 6);
  }

  private static long micros(CharSequence text, int maxFractionDigits) {
    int length = text.length();
    if (length < 19
        || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return NONE;
    }

    long days = epochDay(text, 0);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (days == NONE
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return NONE;
    }

    int position = 19;
    int nanos = 0;
    if (position < length && text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
        position++;
      }

      int count = position - start;
      if (count == 0 || count > maxFractionDigits) {
        return NONE;
      }

      nanos = digits(text, start, position);
      for (int i = count; i < 9; i++) {
        nanos *= 10;
      }
    }

    int offsetSeconds = offsetSeconds(text, position);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return NONE;
    }

    long seconds = days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1_000_000L + nanos / 1000;
  }

  /** Nanoseconds past the microsecond in a timestamp's fraction (kept by {@link #timestamp}). */
  private static int subMicros(CharSequence text) {
    if (text.length() <= 19 || text.charAt(19) != '.') {
      return 0;
    }

    int start = 20;
    int end = start;
    while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
      end++;
    }

    int nanos = digits(text, start, end);
    for (int i = end - start; i < 9; i++) {
      nanos *= 10;
    }

    return nanos % 1000;
  }

  /**
   * The offset from {@code text[position]} to the end: none or {@code Z} is UTC, else a sign and
   * four digits with an optional colon; {@link Integer#MIN_VALUE} when it is none of these.
   */
  private static int offsetSeconds(CharSequence text, int position) {
    int length = text.length();
    if (position == length) {
      return 0;
    }

    char sign = text.charAt(position);
    if (sign == 'Z') {
      return position == length - 1 ? 0 : Integer.MIN_VALUE;
    }

    if (sign != '+' && sign != '-') {
      return Integer.MIN_VALUE;
    }

    int value = 0;
    int count = 0;
    for (int i = position + 1; i < length; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        continue;
      }

      if (c < '0' || c > '9' || ++count > 4) {
        return Integer.MIN_VALUE;
      }

      value = value * 10 + (c - '0');
    }

    int hours = value / 100;
    int minutes = value % 100;
    int seconds = hours * 3600 + minutes * 60;
    if (count != 4 || minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
      return Integer.MIN_VALUE;
    }

    return sign == '-' ? -seconds : seconds;
  }

  /** {@code yyyy-MM-dd} at {@code text[from]} as epoch days, or {@link #NONE}. */
  private static long epochDay(CharSequence text, int from) {
    if (text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
      return NONE;
    }

    int year = digits(text, from, from + 4);
    int month = digits(text, from + 5, from + 7);
    int day = digits(text, from + 8, from + 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      return NONE;
    }

    // Days from the civil date (proleptic Gregorian; years 0..9999 here), no objects. January and
    // February count as months 10 and 11 of the year before; arithmetic rather than branches (see
    // monthLength).
    int janOrFeb = (month - 3) >>> 31;
    long y = year - janOrFeb;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month - 3 + 12 * janOrFeb) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static final int[] MONTH_LENGTHS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /**
   * Days in {@code month} of {@code year} (0..9999), by arithmetic: C2 compiles a branch that no
   * value took while it profiled as a trap, and a file whose first rows all fall in one month would
   * recompile the parser at each new month, year or leap day.
   */
  static int monthLength(int year, int month) {
    int divisibleBy4 = 1 - (((year & 3) + 3) >> 2);
    int notCentury = (year % 100 + 99) / 100;
    int divisibleBy400 = 1 - (year % 400 + 399) / 400;
    int leap = divisibleBy4 & (notCentury | divisibleBy400);
    int february = 1 - (((month ^ 2) + 15) >> 4); // 1 for month 2 (1..12), else 0
    return MONTH_LENGTHS[month] + (leap & february);
  }

  /** The number in {@code text[from, to)}, or -1 when it is not all digits. */
  private static int digits(CharSequence text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }

      value = value * 10 + (c - '0');
    }

    return value;
  }
}

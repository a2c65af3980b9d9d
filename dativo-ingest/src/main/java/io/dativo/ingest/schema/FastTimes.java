package io.dativo.ingest.schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Parses the canonical ISO-8601 forms ({@code 2025-01-31}, {@code 2025-01-31T10:00:00Z}, {@code
 * 2025-01-31 10:00:00.123+02:00}) digit by digit: {@code java.time}'s formatter costs several times
 * more per value, which dominates CSV ingestion. Anything else returns empty and takes the general
 * path.
 */
final class FastTimes {
  private FastTimes() {}

  static Optional<LocalDate> date(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return Optional.empty();
    }

    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return Optional.empty();
    }

    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code yyyy-MM-dd[T| ]HH:mm:ss[.f{1,9}][Z|±HH:mm|±HHmm]}; no offset means UTC. */
  static Optional<OffsetDateTime> timestamp(String text) {
    int length = text.length();
    if (length < 19
        || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return Optional.empty();
    }

    Optional<LocalDate> date = date(text.substring(0, 10));
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (date.isEmpty()
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return Optional.empty();
    }

    int position = 19;
    int nanos = 0;
    if (position < length && text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && Character.isDigit(text.charAt(position))) {
        position++;
      }

      int count = position - start;
      if (count == 0 || count > 9) {
        return Optional.empty();
      }

      nanos = digits(text, start, position);
      for (int i = count; i < 9; i++) {
        nanos *= 10;
      }
    }

    ZoneOffset offset;
    if (position == length) {
      offset = ZoneOffset.UTC;
    } else if (text.charAt(position) == 'Z' && position == length - 1) {
      offset = ZoneOffset.UTC;
    } else if (text.charAt(position) == '+' || text.charAt(position) == '-') {
      String zone = text.substring(position + 1).replace(":", "");
      if (zone.length() != 4) {
        return Optional.empty();
      }

      int hours = digits(zone, 0, 2);
      int minutes = digits(zone, 2, 4);
      if (hours < 0 || minutes < 0) {
        return Optional.empty();
      }

      int sign = text.charAt(position) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } else {
      return Optional.empty();
    }

    OffsetDateTime local =
        OffsetDateTime.of(
            date.get().getYear(),
            date.get().getMonthValue(),
            date.get().getDayOfMonth(),
            hour,
            minute,
            second,
            nanos,
            offset);
    return Optional.of(
        ZoneOffset.UTC.equals(offset) ? local : local.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** The number in {@code text[from, to)}, or -1 when it is not all digits. */
  private static int digits(String text, int from, int to) {
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

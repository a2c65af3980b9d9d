package io.dativo.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The digit-by-digit parser against java.time on the same text. */
class FastTimesTest {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  @Test
  void datesMatchJavaTimeAcrossTheCalendar() {
    for (long day = LocalDate.of(0, 1, 1).toEpochDay();
        day <= LocalDate.of(9999, 12, 31).toEpochDay();
        day += 37) {
      LocalDate date = LocalDate.ofEpochDay(day);
      String text = DateTimeFormatter.ISO_LOCAL_DATE.format(date);
      assertThat(FastTimes.epochDay(text)).as(text).isEqualTo(day);
    }

    assertThat(FastTimes.epochDay("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(FastTimes.epochDay("2023-02-29")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.epochDay("1900-02-29")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.epochDay("2025-13-01")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.epochDay("2025/01/01")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.epochDay("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
  }

  @Test
  void monthLengthsMatchJavaTimeForEveryYear() {
    for (int year = 0; year <= 9999; year++) {
      for (int month = 1; month <= 12; month++) {
        assertThat(FastTimes.monthLength(year, month))
            .as(year + "-" + month)
            .isEqualTo(java.time.YearMonth.of(year, month).lengthOfMonth());
      }
    }
  }

  @Test
  void timestampsMatchJavaTimeWithFractionsAndOffsets() {
    Random random = new Random(3);
    String[] offsets = {"", "Z", "+02:00", "-0530", "+14:00", "-18:00"};
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(253_402_300_799L - 86_400 * 2) + 86_400;
      int nanos = random.nextInt(1_000_000_000);
      String offset = offsets[random.nextInt(offsets.length)];
      ZoneOffset zone =
          offset.isEmpty() || offset.equals("Z")
              ? ZoneOffset.UTC
              : ZoneOffset.of(
                  offset.length() == 5
                      ? offset.substring(0, 3) + ":" + offset.substring(3)
                      : offset);
      OffsetDateTime expected =
          OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos), zone);
      int digits = 1 + random.nextInt(9);
      String fraction = String.format("%09d", nanos).substring(0, digits);
      String text =
          SECONDS.format(expected).replace('T', i % 2 == 0 ? 'T' : ' ') + "." + fraction + offset;
      OffsetDateTime truncated =
          expected.withNano(Integer.parseInt(String.format("%-9s", fraction).replace(' ', '0')));
      assertThat(FastTimes.timestamp(text))
          .as(text)
          .contains(truncated.withOffsetSameInstant(ZoneOffset.UTC));
      long micros =
          Math.addExact(
              Math.multiplyExact(truncated.toEpochSecond(), 1_000_000L),
              truncated.getNano() / 1000);
      assertThat(FastTimes.timestampMicros(text)).as(text).isEqualTo(micros);
    }
  }

  @Test
  void otherFormsAreLeftToTheGeneralParser() throws Exception {
    assertThat(FastTimes.timestampMicros("2025-01-31T10:00")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.timestampMicros("2025-01-31T10:00:00+19:00")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.timestampMicros("2025-01-31T10:00:00+02:0")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.timestampMicros("2025-01-31T10:00:00.Z")).isEqualTo(FastTimes.NONE);
    assertThat(FastTimes.timestampMicros("2025-01-31T24:00:00Z")).isEqualTo(FastTimes.NONE);
    // ...which still reads what it can, and says what it cannot
    Types.TimestampType type = Types.TimestampType.withZone();
    assertThat(ValueConverter.convert("2025-01-31T10:00", type))
        .isEqualTo(OffsetDateTime.parse("2025-01-31T10:00:00Z"));
    assertThat(ValueConverter.convert("1738317600", type))
        .isEqualTo(OffsetDateTime.parse("2025-01-31T10:00:00Z"));
    assertThatThrownBy(() -> ValueConverter.convert("2025-01-31T10:00:00+19:00", type))
        .isInstanceOf(ValueConverter.BadValue.class);
  }
}

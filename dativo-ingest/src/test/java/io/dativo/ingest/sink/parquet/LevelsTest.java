package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Definition levels and the null scan behind the no-null fast paths. */
class LevelsTest {
  @Test
  void aPageWithoutNullsIsTheSameOneRunEitherWay() {
    for (int rows : new int[] {1, 63, 64, 20_000}) {
      PageBytes scanned = new PageBytes(16);
      PageBytes direct = new PageBytes(16);

      Levels.writeDefinitionLevels(scanned, new boolean[rows], rows);
      Levels.writeAllPresent(direct, rows);

      assertThat(Arrays.copyOf(direct.array(), direct.size()))
          .as("%d rows", rows)
          .isEqualTo(Arrays.copyOf(scanned.array(), scanned.size()));
    }
  }

  @Test
  void findsANullAnywhereInTheRangeAndOnlyThere() {
    boolean[] flags = new boolean[10_000]; // longer than the comparison array: checked in parts
    assertThat(Levels.anyTrue(flags, 0, flags.length)).isFalse();

    flags[9_999] = true;
    assertThat(Levels.anyTrue(flags, 0, flags.length)).isTrue();
    assertThat(Levels.anyTrue(flags, 0, 9_999)).isFalse();
    assertThat(Levels.anyTrue(flags, 9_999, 1)).isTrue();

    flags[4_096] = true;
    assertThat(Levels.anyTrue(flags, 4_000, 97)).isTrue();
    assertThat(Levels.anyTrue(flags, 4_000, 96)).isFalse();
    assertThat(Levels.anyTrue(flags, 5_000, 0)).isFalse();
  }
}

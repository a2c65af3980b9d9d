package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Definition levels as RLE runs, and the null scan behind the no-null fast paths. */
class LevelsTest {
  @Test
  void aPageWithoutNullsIsOneRunOfValues() {
    PageBytes out = new PageBytes(16);

    Levels.writeDefinitionLevels(out, new boolean[20_000], 20_000);

    // length 4, then the run: varint(20,000 << 1) = 0xC0 0xB8 0x02, and the level 1
    assertThat(Arrays.copyOf(out.array(), out.size()))
        .containsExactly(4, 0, 0, 0, 0xC0, 0xB8, 0x02, 1);
  }

  @Test
  void runsOfValuesAndNullsEndWhereTheFlagsChangeAcrossTheScansChunks() {
    boolean[] nulls = new boolean[10_000]; // longer than the scan compares at once
    nulls[0] = true;
    Arrays.fill(nulls, 4_095, 4_098, true); // a null run across the 4,096-flag boundary
    nulls[9_999] = true;
    PageBytes out = new PageBytes(16);

    Levels.writeDefinitionLevels(out, nulls, nulls.length);

    assertThat(Arrays.copyOf(out.array(), out.size())).isEqualTo(runs(nulls));
  }

  @Test
  void findsANullAnywhereInTheRangeAndOnlyThere() {
    boolean[] flags = new boolean[10_000];
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

  /** The reference: runs found flag by flag, each a varint length and a level byte. */
  private static byte[] runs(boolean[] nulls) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < nulls.length; ) {
      int end = i;
      while (end < nulls.length && nulls[end] == nulls[i]) {
        end++;
      }

      for (int v = (end - i) << 1; ; v >>>= 7) {
        if ((v & ~0x7F) == 0) {
          body.write(v);
          break;
        }

        body.write((v & 0x7F) | 0x80);
      }

      body.write(nulls[i] ? 0 : 1);
      i = end;
    }

    int length = body.size();
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    page.write(length);
    page.write(length >>> 8);
    page.write(length >>> 16);
    page.write(length >>> 24);
    page.writeBytes(body.toByteArray());
    return page.toByteArray();
  }
}

package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bulk writes of a page's numbers give the bytes value-by-value writes give. */
class PageBytesTest {
  @Test
  void longsAndDoublesInOneCopyAreTheLittleEndianBytesOfEachValueAfterWhatIsThere() {
    long[] longs = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L, 1_700_000_000L};
    double[] doubles = {
      0.0,
      -0.0,
      9940.08,
      Double.NaN,
      Double.longBitsToDouble(0x7ff8_0000_0000_0abcL), // a NaN with a payload: its bits as they are
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE
    };
    PageBytes bulk = new PageBytes(3); // grows on the way
    PageBytes oneByOne = new PageBytes(3);
    bulk.writeByte(7);
    oneByOne.writeByte(7);

    bulk.writeLongsLE(longs, longs.length - 1); // a count below the array's length
    bulk.writeDoublesLE(doubles, doubles.length);
    for (int i = 0; i < longs.length - 1; i++) {
      oneByOne.writeLongLE(longs[i]);
    }

    for (double value : doubles) {
      oneByOne.writeLongLE(Double.doubleToRawLongBits(value));
    }

    assertThat(bulk.size()).isEqualTo(1 + 8 * (longs.length - 1) + 8 * doubles.length);
    assertThat(Arrays.copyOf(bulk.array(), bulk.size()))
        .isEqualTo(Arrays.copyOf(oneByOne.array(), oneByOne.size()));
    assertThat(bulk.array()[1]).isEqualTo((byte) 0); // little-endian: 0 first
    assertThat(bulk.array()[9]).isEqualTo((byte) 1);
  }

  @Test
  void intsFromLongsAreEachValueCastToFourLittleEndianBytes() {
    long[] values = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 20_416, 0x1_0000_0005L};
    PageBytes bulk = new PageBytes(2);
    PageBytes oneByOne = new PageBytes(2);
    bulk.writeByte(9);
    oneByOne.writeByte(9);

    bulk.writeIntsLE(values, values.length);
    for (long value : values) {
      oneByOne.writeIntLE((int) value);
    }

    assertThat(bulk.size()).isEqualTo(1 + 4 * values.length);
    assertThat(Arrays.copyOf(bulk.array(), bulk.size()))
        .isEqualTo(Arrays.copyOf(oneByOne.array(), oneByOne.size()));
    assertThat(Arrays.copyOfRange(bulk.array(), 25, 29)).containsExactly(5, 0, 0, 0);
  }
}

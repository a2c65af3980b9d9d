package io.dativo.ingest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.ingest.columns.ColumnBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** What the batches in flight may hold: bounded in memory whatever the table's width. */
class AsyncBatchWriterTest {
  private static Schema schema(int longs, int strings) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (int i = 0; i < longs + strings; i++) {
      fields.add(
          Types.NestedField.optional(
              i + 1, "c" + i, i < longs ? Types.LongType.get() : Types.StringType.get()));
    }

    return new Schema(fields);
  }

  @Test
  void aNarrowTableGetsAllBatchesAndAWideOneFewer() {
    // 3 longs and 2 strings: (1 + 8) * 3 + (1 + 8 + 16) * 2 = 77 bytes a row
    assertThat(ColumnBatch.arrayBytes(schema(3, 2), 4096)).isEqualTo(77L * 4096);
    long memory = AsyncBatchWriter.MEMORY_BYTES;
    assertThat(AsyncBatchWriter.batchCount(ColumnBatch.arrayBytes(schema(3, 2), 4096), memory))
        .isEqualTo(AsyncBatchWriter.MAX_BATCHES);
    // A small heap's share (an eighth of 48 MB) fits fewer.
    assertThat(AsyncBatchWriter.batchCount(ColumnBatch.arrayBytes(schema(3, 2), 4096), 6L << 20))
        .isEqualTo(9);

    int wide = AsyncBatchWriter.batchCount(ColumnBatch.arrayBytes(schema(100, 200), 4096), memory);
    assertThat(wide).isBetween(AsyncBatchWriter.MIN_BATCHES, AsyncBatchWriter.MAX_BATCHES - 1);
    long heldByArrays = wide * ColumnBatch.arrayBytes(schema(100, 200), 4096);
    assertThat(heldByArrays)
        .isLessThanOrEqualTo(
            Math.max(
                memory / 2,
                AsyncBatchWriter.MIN_BATCHES * ColumnBatch.arrayBytes(schema(100, 200), 4096)));
    assertThat(wide * AsyncBatchWriter.textLimit(wide, memory)).isEqualTo(memory / 2);
  }

  @Test
  void aBatchCountsTheTextItHoldsUntilCleared() {
    ColumnBatch batch = new ColumnBatch(schema(1, 2), 16);
    byte[] text = "a value of 21 bytes..".getBytes(StandardCharsets.UTF_8);
    for (int row = 0; row < 3; row++) {
      batch.beginRow();
      batch.column(0).setLong(row, row);
      batch.column(1).setBytes(row, text, 0, text.length);
      batch.column(2).setBytes(row, text, 0, 5);
      batch.commitRow();
    }

    assertThat(batch.textBytes()).isEqualTo(3L * (text.length + 5));
    batch.beginRow();
    batch.column(1).setBytes(3, text, 0, text.length);
    batch.discardRow();
    assertThat(batch.textBytes()).isEqualTo(3L * (text.length + 5));
    batch.clear();
    assertThat(batch.textBytes()).isZero();
  }
}

package io.dativo.ingest.sink;

import io.dativo.ingest.columns.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;

/**
 * Hands column batches to a {@link RollingWriter} on a second thread (see {@link WorkerThread}):
 * the reading thread fills one batch while the writer encodes the previous ones.
 */
public final class AsyncBatchWriter {
  static final int BATCH_ROWS = 4096;

  /**
   * Batches in flight, at most: enough to ride out the writer's pauses (a row group written, the
   * JIT compiling one side) — 16 ran 10 % faster than 4 on the benchmark's table, 48 no faster.
   */
  static final int MAX_BATCHES = 16;

  static final int MIN_BATCHES = 2;

  /**
   * What the batches in flight may hold together (or an eighth of the heap, when less): half for
   * their arrays (a wide table gets fewer batches), half for their text (a batch is handed over
   * early when its text reaches its share).
   */
  static final long MEMORY_BYTES = 32L << 20;

  private final WorkerThread<ColumnBatch> thread;
  private final long textLimit;
  private ColumnBatch current;

  /** For a writer whose {@link RollingWriter#writesBatches} is true. */
  public AsyncBatchWriter(RollingWriter writer, Schema schema) {
    long memory = Math.min(MEMORY_BYTES, RollingWriter.heapShare());
    int count = batchCount(ColumnBatch.arrayBytes(schema, BATCH_ROWS), memory);
    this.textLimit = textLimit(count, memory);
    List<ColumnBatch> batches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batches.add(new ColumnBatch(schema, BATCH_ROWS));
    }

    this.thread =
        new WorkerThread<>(
            "dativo-writer",
            batches,
            batch -> {
              writer.write(batch);
              batch.clear();
            });
    this.current = thread.take();
  }

  /** How many batches whose arrays take {@code arrayBytes} each fit half of {@code memory}. */
  static int batchCount(long arrayBytes, long memory) {
    return (int) Math.max(MIN_BATCHES, Math.min(MAX_BATCHES, memory / 2 / Math.max(1, arrayBytes)));
  }

  /** The text one of {@code count} batches holds before it is handed over. */
  static long textLimit(int count, long memory) {
    return memory / 2 / count;
  }

  /** The batch to fill; its next row is {@link ColumnBatch#size()}. */
  public ColumnBatch batch() {
    return current;
  }

  /** The batch's row is complete (committed with {@link ColumnBatch#commitRow}). */
  public void rowDone() {
    // A batch may pass its text share by one row.
    if (current.isFull() || current.textBytes() >= textLimit) {
      thread.hand(current);
      current = thread.take();
    }
  }

  /** Writes what is left and waits for the writer thread; rethrows its failure, if any. */
  public void finish() {
    if (!current.isEmpty()) {
      thread.hand(current);
    }

    thread.finish();
  }

  /** Stops the writer thread after a failure on this side. */
  public void abort() {
    thread.abort();
  }
}

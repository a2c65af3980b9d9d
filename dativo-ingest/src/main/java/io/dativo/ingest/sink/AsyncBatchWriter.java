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
   * Enough to ride out the writer's pauses (a row group written, the JIT compiling one side): 16
   * batches (~5 MB for a table like the benchmark's) ran 10 % faster than 4; 48 no faster than 16.
   */
  static final int BATCHES = 16;

  private final WorkerThread<ColumnBatch> thread;
  private ColumnBatch current;

  /** For a writer whose {@link RollingWriter#writesBatches} is true. */
  public AsyncBatchWriter(RollingWriter writer, Schema schema) {
    List<ColumnBatch> batches = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
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

  /** The batch to fill; its next row is {@link ColumnBatch#size()}. */
  public ColumnBatch batch() {
    return current;
  }

  /** The batch's row is complete (committed with {@link ColumnBatch#commitRow}). */
  public void rowDone() {
    if (current.isFull()) {
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

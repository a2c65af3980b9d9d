package io.dativo.ingest.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;

/**
 * Hands records to a {@link RollingWriter} on a second thread (see {@link WorkerThread}): records
 * live in a fixed pool of batches that circulate between the two threads.
 */
public final class AsyncRecordWriter {
  static final int BATCH_SIZE = 2048;

  /** Enough to ride out the writer's pauses (a row group written, a page compressed). */
  static final int BATCHES = 6;

  private final WorkerThread<Batch> thread;
  private Batch current;

  private static final class Batch {
    final GenericRecord[] records;
    int size;

    Batch(Schema schema) {
      this.records = new GenericRecord[BATCH_SIZE];
      for (int i = 0; i < records.length; i++) {
        records[i] = GenericRecord.create(schema);
      }
    }
  }

  public AsyncRecordWriter(RollingWriter writer, Schema schema) {
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      batches.add(new Batch(schema));
    }

    this.thread =
        new WorkerThread<>(
            "dativo-writer",
            batches,
            batch -> {
              for (int i = 0; i < batch.size; i++) {
                writer.write(batch.records[i]);
              }

              batch.size = 0;
            });
    this.current = thread.take();
  }

  /** The record to fill for the next row; it is written when the next one is asked for. */
  public GenericRecord next() {
    return current.records[current.size];
  }

  /** The record from {@link #next} is complete: queue it for writing. */
  public void commitRecord() {
    current.size++;
    if (current.size == current.records.length) {
      thread.hand(current);
      current = thread.take();
    }
  }

  /** Writes what is left and waits for the writer thread; rethrows its failure, if any. */
  public void finish() {
    if (current.size > 0) {
      thread.hand(current);
    }

    thread.finish();
  }

  /** Stops the writer thread after a failure on this side. */
  public void abort() {
    thread.abort();
  }
}

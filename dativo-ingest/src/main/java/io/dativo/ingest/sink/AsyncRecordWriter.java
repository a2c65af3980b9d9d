package io.dativo.ingest.sink;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;

/**
 * Hands records to a {@link RollingWriter} on a second thread, so parsing and converting rows (this
 * thread) overlaps with Parquet encoding and compression (the writer thread). Records live in a
 * fixed pool of batches that circulate between the two threads: memory is bounded and steady state
 * allocates no records.
 */
public final class AsyncRecordWriter {
  static final int BATCH_SIZE = 2048;

  /** Enough to ride out the writer's pauses (a row group written, a page compressed). */
  static final int BATCHES = 6;

  private final RollingWriter writer;
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread thread;
  private volatile Throwable failure;
  private Batch current;

  private static final class Batch {
    final GenericRecord[] records;
    int size;
    final boolean last;

    Batch(Schema schema, boolean last) {
      this.records = new GenericRecord[last ? 0 : BATCH_SIZE];
      for (int i = 0; i < records.length; i++) {
        records[i] = GenericRecord.create(schema);
      }

      this.last = last;
    }
  }

  public AsyncRecordWriter(RollingWriter writer, Schema schema) {
    this.writer = writer;
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch(schema, false));
    }

    this.current = free.poll();
    this.thread = new Thread(this::drain, "dativo-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** The record to fill for the next row; it is written when the next one is asked for. */
  public GenericRecord next() {
    return current.records[current.size];
  }

  /** The record from {@link #next} is complete: queue it for writing. */
  public void commitRecord() {
    current.size++;
    if (current.size == current.records.length) {
      hand(current);
      current = take(free);
    }
  }

  /** Writes what is left and waits for the writer thread; rethrows its failure, if any. */
  public void finish() {
    if (current.size > 0) {
      hand(current);
    }

    hand(new Batch(null, true));
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing data files", e);
    }

    rethrow();
  }

  /** Stops the writer thread after a failure on this side. */
  public void abort() {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    try {
      while (true) {
        Batch batch = full.take();
        if (batch.last) {
          return;
        }

        for (int i = 0; i < batch.size; i++) {
          writer.write(batch.records[i]);
        }

        batch.size = 0;
        free.put(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void hand(Batch batch) {
    rethrow();
    try {
      while (!full.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing data files", e);
    }
  }

  private Batch take(BlockingQueue<Batch> queue) {
    try {
      Batch batch;
      while ((batch = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
        rethrow();
      }

      return batch;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing data files", e);
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException runtime) {
      throw runtime;
    }

    if (t instanceof Error error) {
      throw error;
    }

    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}

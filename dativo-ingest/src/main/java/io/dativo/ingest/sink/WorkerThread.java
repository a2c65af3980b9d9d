package io.dativo.ingest.sink;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second thread that writes what the reading thread fills, so parsing and typing rows (one core)
 * overlaps with Parquet encoding and compression (the other). A fixed pool of buffers circulates
 * between the two threads: memory is bounded and steady state allocates nothing. A failure on the
 * writing thread is rethrown on the reading thread at its next hand-over.
 */
public final class WorkerThread<T> {
  /** What the writing thread does with a full buffer; it is reused after. */
  public interface Write<T> {
    void write(T buffer) throws Exception;
  }

  private static final Object LAST = new Object();

  private final BlockingQueue<Object> full;
  private final BlockingQueue<T> free;
  private final Write<T> write;
  private final Thread thread;
  private volatile Throwable failure;

  public WorkerThread(String name, List<T> buffers, Write<T> write) {
    this.full = new ArrayBlockingQueue<>(buffers.size() + 1);
    this.free = new ArrayBlockingQueue<>(buffers.size());
    this.free.addAll(buffers);
    this.write = write;
    this.thread = new Thread(this::drain, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** A buffer to fill (waits while all are being written). */
  public T take() {
    try {
      T buffer;
      while ((buffer = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
        rethrow();
      }

      return buffer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing data files", e);
    }
  }

  /** Queues a filled buffer for writing. */
  public void hand(T buffer) {
    handObject(buffer);
  }

  /** Waits until everything handed over is written; rethrows the writing thread's failure. */
  public void finish() {
    handObject(LAST);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing data files", e);
    }

    rethrow();
  }

  /** Stops the writing thread after a failure on the reading side. */
  public void abort() {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private void drain() {
    try {
      while (true) {
        Object next = full.take();
        if (next == LAST) {
          return;
        }

        T buffer = (T) next;
        write.write(buffer);
        free.put(buffer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void handObject(Object buffer) {
    rethrow();
    try {
      while (!full.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
        rethrow();
      }
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

package io.dativo.ingest.sink;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Where a commit's manifest work runs (Iceberg's {@code scanManifestsWith}): on the committing
 * thread until that work has taken {@link #INLINE_BUDGET_NANOS}, then on {@code pool}. Iceberg
 * hands each step of a commit (filtering the table's manifests, merging them, listing them) to an
 * executor and then polls the tasks' futures every 10 ms: a run appending to an existing table
 * slept ~55 of the ~140 ms its snapshot took, for work that takes a fraction of that. A commit
 * whose manifest work is heavier (merging many manifests of a large table) still spreads what is
 * left over the pool. The pool is not this executor's to shut down.
 */
public final class CommitExecutor extends AbstractExecutorService {
  /** Manifest work run on the committing thread before the rest goes to the pool. */
  static final long INLINE_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ExecutorService pool;
  private final long budgetNanos;
  private final LongSupplier clock;
  private final AtomicLong inlineNanos = new AtomicLong();

  /** Inline up to the default budget, then {@code pool} (Iceberg's worker pool, say). */
  public CommitExecutor(ExecutorService pool) {
    this(pool, INLINE_BUDGET_NANOS, System::nanoTime);
  }

  CommitExecutor(ExecutorService pool, long budgetNanos, LongSupplier clock) {
    this.pool = pool;
    this.budgetNanos = budgetNanos;
    this.clock = clock;
  }

  @Override
  public void execute(Runnable task) {
    if (inlineNanos.get() >= budgetNanos) {
      pool.execute(task);
      return;
    }

    long start = clock.getAsLong();
    try {
      task.run();
    } finally {
      inlineNanos.addAndGet(clock.getAsLong() - start);
    }
  }

  @Override
  public void shutdown() {
    // the pool is shared: not this executor's to stop
  }

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}

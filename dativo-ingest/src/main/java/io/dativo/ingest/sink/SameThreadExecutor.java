package io.dativo.ingest.sink;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task on the thread that submits it. Iceberg hands a commit's manifest work to an
 * executor and then polls its futures every 10 ms: for the one manifest a run's append lists, the
 * commit would sleep for work that takes a fraction of that. Nothing to shut down.
 */
public final class SameThreadExecutor extends AbstractExecutorService {
  @Override
  public void execute(Runnable task) {
    task.run();
  }

  @Override
  public void shutdown() {
    // runs nothing of its own
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

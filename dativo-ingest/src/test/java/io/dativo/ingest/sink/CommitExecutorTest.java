package io.dativo.ingest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A commit's manifest work: on the committing thread within a budget, then on the pool. */
class CommitExecutorTest {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void tasksRunOnTheCommittingThreadUntilTheyHaveTakenTheBudgetThenOnThePool() throws Exception {
    AtomicLong now = new AtomicLong();
    CommitExecutor executor = new CommitExecutor(pool, 100, now::get);
    List<Thread> ranOn = new CopyOnWriteArrayList<>();

    Future<?> first =
        executor.submit(
            () -> {
              ranOn.add(Thread.currentThread());
              now.addAndGet(60); // within the budget: the next one runs here too
            });
    assertThat(first.isDone()).isTrue(); // done before submit returned: nothing to poll for
    executor.submit(
        () -> {
          ranOn.add(Thread.currentThread());
          now.addAndGet(60); // 120 taken: over the budget of 100
        });
    executor.submit(() -> ranOn.add(Thread.currentThread())).get();

    assertThat(ranOn).hasSize(3);
    assertThat(ranOn.subList(0, 2)).containsOnly(Thread.currentThread());
    assertThat(ranOn.get(2)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void theSharedPoolIsNotShutDownWithTheExecutor() throws Exception {
    CommitExecutor executor = new CommitExecutor(pool, 0, System::nanoTime);

    executor.shutdown();
    Future<String> onPool = executor.submit(() -> Thread.currentThread().getName());

    assertThat(executor.isShutdown()).isFalse();
    assertThat(pool.isShutdown()).isFalse();
    assertThat(onPool.get()).isNotEqualTo(Thread.currentThread().getName());
  }
}

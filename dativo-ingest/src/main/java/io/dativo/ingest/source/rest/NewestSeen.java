package io.dativo.ingest.source.rest;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The newest cursor value an incremental read has seen and the ids seen at it: where the read, or
 * the next run, resumes ({@link BoundaryCursor}).
 */
final class NewestSeen {
  private final Optional<BoundaryCursor> start;
  private long max = -1;
  private final Set<String> idsAtMax = new TreeSet<>();

  NewestSeen(Optional<BoundaryCursor> start) {
    this.start = start;
  }

  void saw(long value, String id) {
    if (value > max) {
      max = value;
      idsAtMax.clear();
    }

    if (value == max) {
      idsAtMax.add(id);
    }
  }

  boolean any() {
    return max >= 0;
  }

  /** Where to resume: the start cursor moved on to the newest value seen. */
  BoundaryCursor resume() {
    return start
        .map(s -> s.advancedTo(max, idsAtMax))
        .orElseGet(() -> BoundaryCursor.of(max, idsAtMax));
  }
}

package io.dativo.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a run did: rows, files, bytes, time, and where the data landed; {@code parquetWriter} is the
 * writer its data files got ("columnar" or "iceberg"), empty when it wrote none.
 */
public record RunResult(
    String table,
    String branch,
    String runId,
    Optional<Long> snapshotId,
    long rowsRead,
    long rowsWritten,
    long rowsRejected,
    int dataFiles,
    long dataBytes,
    long sourceBytes,
    List<String> unitsRead,
    List<String> unitsSkipped,
    Optional<Path> rejectsFile,
    Duration duration,
    boolean dryRun,
    Optional<String> parquetWriter) {

  public RunResult {
    unitsRead = List.copyOf(unitsRead);
    unitsSkipped = List.copyOf(unitsSkipped);
  }

  public double rowsPerSecond() {
    double seconds = Math.max(duration.toNanos() / 1e9, 1e-9);
    return rowsRead / seconds;
  }
}

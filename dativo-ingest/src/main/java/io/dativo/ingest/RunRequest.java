package io.dativo.ingest;

import io.dativo.core.config.LoadedJob;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One run of a job: the loaded (effective) job, the table properties its tags render to, the run's
 * options, and the environment (AWS credentials and endpoints for Glue and S3).
 */
public record RunRequest(
    LoadedJob loaded,
    Map<String, String> tableProperties,
    Path workingDir,
    String runId,
    Instant startedAt,
    boolean fullRefresh,
    boolean dryRun,
    long targetFileBytes,
    ProgressListener progress,
    Map<String, String> env) {

  public static final long DEFAULT_TARGET_FILE_BYTES = 128L * 1024 * 1024;

  public RunRequest {
    tableProperties = Map.copyOf(tableProperties);
    env = Map.copyOf(env);
  }

  /** Told about progress while rows stream. */
  @FunctionalInterface
  public interface ProgressListener {
    ProgressListener NONE = (rows, unit, done, total) -> {};

    void progress(long rowsRead, String unit, int unitsDone, int unitsTotal);
  }
}

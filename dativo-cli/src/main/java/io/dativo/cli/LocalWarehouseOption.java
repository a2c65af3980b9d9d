package io.dativo.cli;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.LoadedJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --local-warehouse DIR}: write to (or read) an embedded local catalog in {@code DIR}
 * instead of the job's own target, to try a job on a laptop before its cloud target exists or is
 * reachable. The job's other target settings (partitioning, file size) and its tags still apply.
 */
final class LocalWarehouseOption {
  /** The target settings that say where the table lives; all others are kept. */
  private static final java.util.Set<String> LOCATION_KEYS =
      java.util.Set.of("warehouse", "catalog", "connection");

  @Option(
      names = "--local-warehouse",
      paramLabel = "DIR",
      description = {
        "Use an embedded local catalog in DIR instead of the job's target (catalog,",
        "warehouse, connection); the job's tags and other target settings still apply."
      })
  Path localWarehouse;

  /** The job as loaded, or with its target moved to the local warehouse. */
  LoadedJob apply(LoadedJob loaded, Path workingDir) {
    if (localWarehouse == null) {
      return loaded;
    }

    JobConfig job = loaded.job();
    Map<String, Object> target = new LinkedHashMap<>();
    job.target()
        .forEach(
            (k, v) -> {
              if (!LOCATION_KEYS.contains(k)) {
                target.put(k, v);
              }
            });
    target.put("warehouse", workingDir.resolve(localWarehouse).normalize().toString());
    target.put("catalog", Map.of("type", "local"));
    JobConfig local = job.withTarget(target);
    return new LoadedJob(
        local,
        loaded.asset(),
        loaded.sourceConnector(),
        loaded.targetConnector(),
        loaded.warnings());
  }
}

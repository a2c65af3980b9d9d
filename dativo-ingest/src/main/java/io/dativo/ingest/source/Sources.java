package io.dativo.ingest.source;

import io.dativo.core.config.JobConfig;
import io.dativo.ingest.IngestException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The source a job names, ready to read. */
public final class Sources {
  public static final List<String> AVAILABLE = List.of("csv", "postgres");

  private Sources() {}

  @SuppressWarnings("unchecked")
  public static Source open(JobConfig job) {
    Map<String, Object> source = job.source();
    return switch (job.sourceConnector()) {
      case "csv" -> {
        Object files = source.get("files");
        if (files == null) {
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot read CSV: source.files is missing",
              "list files or globs, e.g. files: [data/orders-*.csv]");
        }

        List<String> patterns =
            files instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(files));
        Map<String, Object> options =
            source.get("options") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Path base = job.file().toAbsolutePath().getParent();
        yield new CsvSource(base, CsvSource.expand(base, patterns), options);
      }
      case "postgres" -> PostgresSource.of(job);
      default ->
          throw new IngestException(
              IngestException.Kind.NOT_AVAILABLE,
              "Cannot run: the "
                  + job.sourceConnector()
                  + " source connector is not available in this version yet",
              "available sources: " + String.join(", ", AVAILABLE));
    };
  }
}

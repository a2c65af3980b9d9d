package io.dativo.core.observability;

/** The metrics Dativo publishes (seed 000's names, dotted; sinks adapt the separator). */
public final class MetricNames {
  public static final String TAGS_APPLIED = "dativo.infrastructure.tags_applied";
  public static final String VALIDATION_DURATION = "dativo.infrastructure.validation_duration";
  public static final String TERRAFORM_APPLY_DURATION =
      "dativo.infrastructure.terraform_apply_duration";
  public static final String ROWS_READ = "dativo.ingest.rows_read";
  public static final String ROWS_WRITTEN = "dativo.ingest.rows_written";
  public static final String ROWS_REJECTED = "dativo.ingest.rows_rejected";
  public static final String BYTES_WRITTEN = "dativo.ingest.bytes_written";
  public static final String RUN_DURATION = "dativo.ingest.duration";

  private MetricNames() {}
}

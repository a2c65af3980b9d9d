package io.dativo.cli;

import io.dativo.cli.dagster.PipesSession;
import io.dativo.cli.output.RunReport;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.observability.Metric;
import io.dativo.core.observability.MetricNames;
import io.dativo.core.policy.PolicyResult;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformOutputsTransform;
import io.dativo.ingest.Pipeline;
import io.dativo.ingest.RunRequest;
import io.dativo.ingest.RunResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo run}: ingest a job's source into its Iceberg table, tags as table properties. */
@Command(
    name = "run",
    header = "Ingest a job's source into its Iceberg table, tags as table properties.",
    mixinStandardHelpOptions = true,
    description = {
      "Run a job: validate it (as 'check' does), resolve its Terraform outputs, apply the",
      "policy checks, ingest the source into the Iceberg table in one atomic commit, with the",
      "job's tags as table properties, and print a summary."
    })
final class RunCommand implements Callable<Integer> {
  static final String SELF_HOSTED = "self_hosted";

  @ParentCommand DativoCommand root;

  @Mixin JobOptions job;

  @Mixin LocalWarehouseOption local;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = SELF_HOSTED,
      description = "Execution mode: self_hosted (the default, and the only one in this version).")
  String mode;

  @Option(
      names = "--dry-run",
      description = "Validate and show what would be read, without writing.")
  boolean dryRun;

  @Option(
      names = "--full-refresh",
      description = "Re-read every source file and replace the table's rows.")
  boolean fullRefresh;

  @Override
  public Integer call() {
    CliContext context = root.context;
    if (!SELF_HOSTED.equals(mode)) {
      context
          .err()
          .println(
              "error: Cannot run in mode '"
                  + mode
                  + "': only self_hosted is available in this version");
      return ExitCode.INVALID_CONFIG;
    }

    // Say first what this version cannot run, before asking for Terraform state it would need.
    LoadedJob preview =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.REQUIRED,
                TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    if (!io.dativo.ingest.source.Sources.AVAILABLE_TARGETS.contains(
        preview.job().targetConnector())) {
      throw new io.dativo.ingest.IngestException(
          io.dativo.ingest.IngestException.Kind.NOT_AVAILABLE,
          "Cannot run: the "
              + preview.job().targetConnector()
              + " target connector is not available in this version yet",
          "available targets: "
              + String.join(", ", io.dativo.ingest.source.Sources.AVAILABLE_TARGETS));
    }
    if (!io.dativo.ingest.source.Sources.AVAILABLE.contains(preview.job().sourceConnector())) {
      throw new io.dativo.ingest.IngestException(
          io.dativo.ingest.IngestException.Kind.NOT_AVAILABLE,
          "Cannot run: the "
              + preview.job().sourceConnector()
              + " source connector is not available in this version yet",
          "available sources: " + String.join(", ", io.dativo.ingest.source.Sources.AVAILABLE));
    }

    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.REQUIRED,
                // A local try-out needs no state: the outputs it would map mostly name the target.
                local.localWarehouse == null
                    ? TerraformOutputsTransform.Requirement.REQUIRED
                    : TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    // The tags are the job's own, wherever this run writes.
    JobTags tags = JobTags.of(context, loaded, job);
    loaded = local.apply(loaded, context.workingDir());
    if (tags.policy().fails()) {
      // Main prints the findings with the error.
      throw new PolicyViolation("Cannot run", tags.policy());
    }

    context
        .err()
        .print(io.dativo.cli.output.CheckReport.policyText(tags.policy(), context.color()));

    Map<String, String> properties =
        tableProperties(
            loaded,
            TagRenderers.render("iceberg", tags.inputs(), tags.tags(), loaded.job().tagOverflow())
                .values(),
            w -> context.err().println("warning: " + w));
    Instant now = context.now();
    try (Metrics metrics = Metrics.open(context, loaded.job())) {
      return run(context, loaded, tags, properties, now, metrics);
    }
  }

  private int run(
      CliContext context,
      LoadedJob loaded,
      JobTags tags,
      Map<String, String> properties,
      Instant now,
      Metrics metrics) {
    Progress progress = new Progress(context, root.log(), metrics, loaded.job());
    RunRequest request =
        new RunRequest(
            loaded,
            properties,
            context.workingDir(),
            runId(now),
            now,
            fullRefresh,
            dryRun,
            targetFileBytes(loaded),
            progress,
            context.env());
    Optional<PipesSession> pipes = PipesSession.open(context.env(), context.out(), context.err());
    RunResult result;
    try {
      result = Pipeline.run(request);
    } catch (RuntimeException e) {
      pipes.ifPresent(p -> p.close(Optional.of(e)));
      throw e;
    }

    progress.finish();
    EventLog log = root.log();
    for (var warning : loaded.warnings()) {
      log.event(
          "WARN",
          "infrastructure_warning",
          "warning: " + warning,
          Map.of(
              "tenant",
              loaded.job().tenantId(),
              "job",
              loaded.job().file().getFileName().toString(),
              "path",
              warning.path()));
    }

    if (log.isJson()) {
      Map<String, Object> fields = new java.util.LinkedHashMap<>();
      fields.put("tenant", loaded.job().tenantId());
      fields.put("job", loaded.job().file().getFileName().toString());
      fields.put("run_id", result.runId());
      fields.put("table", result.table());
      fields.put("branch", result.branch());
      fields.put("rows_read", result.rowsRead());
      fields.put("rows_written", result.rowsWritten());
      fields.put("rows_rejected", result.rowsRejected());
      fields.put("data_files", result.dataFiles());
      fields.put("data_bytes", result.dataBytes());
      fields.put("duration_ms", result.duration().toMillis());
      result.snapshotId().ifPresent(id -> fields.put("snapshot_id", id));
      log.event(
          "INFO",
          "run_summary",
          "wrote " + result.rowsWritten() + " rows to " + result.table(),
          fields);
    }
    pipes.ifPresent(p -> report(p, loaded, tags, result));
    if (!result.dryRun()) {
      var job = loaded.job();
      metrics.publish(
          List.of(
              Metrics.metric(MetricNames.ROWS_READ, result.rowsRead(), Metric.Unit.COUNT, job),
              Metrics.metric(
                  MetricNames.ROWS_WRITTEN, result.rowsWritten(), Metric.Unit.COUNT, job),
              Metrics.metric(
                  MetricNames.ROWS_REJECTED, result.rowsRejected(), Metric.Unit.COUNT, job),
              Metrics.metric(MetricNames.BYTES_WRITTEN, result.dataBytes(), Metric.Unit.BYTES, job),
              Metrics.metric(
                  MetricNames.RUN_DURATION,
                  result.duration().toMillis() / 1000.0,
                  Metric.Unit.SECONDS,
                  job)));
    }
    RunReport report = new RunReport(context.workingDir(), result);
    context
        .out()
        .print(
            root.format == OutputFormat.json
                ? report.toJson() + "\n"
                : report.toText(context.color()));
    return ExitCode.OK;
  }

  /**
   * What Dagster sees of the run: a materialization with the tags, and the policy as asset checks.
   */
  static void report(PipesSession pipes, LoadedJob loaded, JobTags tags, RunResult result) {
    String asset = pipes.assetKey().orElse(loaded.job().tenantId() + "/" + loaded.job().asset());
    List<PipesSession.Metadata> metadata = new ArrayList<>();
    metadata.add(PipesSession.Metadata.integer("rows_read", result.rowsRead()));
    metadata.add(PipesSession.Metadata.integer("rows_written", result.rowsWritten()));
    metadata.add(PipesSession.Metadata.integer("rows_rejected", result.rowsRejected()));
    metadata.add(PipesSession.Metadata.integer("data_files", result.dataFiles()));
    metadata.add(PipesSession.Metadata.integer("data_bytes", result.dataBytes()));
    metadata.add(PipesSession.Metadata.text("table", result.table()));
    metadata.add(PipesSession.Metadata.text("branch", result.branch()));
    result
        .snapshotId()
        .ifPresent(
            id -> metadata.add(PipesSession.Metadata.text("snapshot_id", Long.toString(id))));
    metadata.add(PipesSession.Metadata.text("run_id", result.runId()));
    metadata.add(
        PipesSession.Metadata.number("duration_seconds", result.duration().toMillis() / 1000.0));
    Map<String, String> wanted =
        Map.of(
            "cost_center", "CostCenter",
            "environment", "Environment",
            "provider", "CloudProvider",
            "region", "Region",
            "tenant_id", "TenantId",
            "owner", "Owner",
            "classification", "DataClassification");
    wanted.forEach(
        (name, tag) ->
            tags.tags()
                .value(tag)
                .ifPresent(v -> metadata.add(PipesSession.Metadata.text(name, v))));
    if (tags.tags().value("CloudProvider").isEmpty()) {
      loaded
          .job()
          .infrastructure()
          .flatMap(i -> i.cloud())
          .ifPresent(c -> metadata.add(PipesSession.Metadata.text("provider", c.id())));
    }

    metadata.sort(java.util.Comparator.comparing(PipesSession.Metadata::name));
    pipes.log("INFO", "dativo wrote " + result.rowsWritten() + " rows to " + result.table());
    pipes.reportMaterialization(asset, metadata, result.snapshotId().map(String::valueOf));
    for (PolicyResult check : tags.policy().results()) {
      pipes.reportCheck(
          asset,
          check.rule().replaceAll("[^A-Za-z0-9_]", "_"),
          check.passed(),
          tags.policy().enforced() ? "ERROR" : "WARN",
          List.of(PipesSession.Metadata.text("message", check.message())));
    }

    pipes.close();
  }

  static String runId(Instant now) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now)
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
  }

  /** Parquet codecs Iceberg writes ({@code write.parquet.compression-codec}). */
  static final java.util.List<String> CODECS =
      java.util.List.of("zstd", "snappy", "gzip", "lz4", "brotli", "uncompressed");

  /**
   * The table properties a run writes: the job's tags ({@code iceberg} rendering), then {@code
   * target.compression} and the job's own {@code target.properties}, all managed by Dativo (a key
   * removed from the job is removed from the table). A tag wins over a property of the same name.
   */
  static Map<String, String> tableProperties(
      LoadedJob loaded,
      Map<String, String> tagProperties,
      java.util.function.Consumer<String> warn) {
    Map<String, String> properties = new java.util.LinkedHashMap<>(tagProperties);
    Object compression = loaded.job().target().get("compression");
    if (compression != null) {
      String codec = String.valueOf(compression).toLowerCase(java.util.Locale.ROOT);
      if (!CODECS.contains(codec)) {
        throw new UsageError(
            "Cannot run "
                + loaded.job().file()
                + ": target.compression must be one of "
                + String.join(", ", CODECS)
                + ", found '"
                + compression
                + "'",
            "for example compression: zstd");
      }

      properties.put("write.parquet.compression-codec", codec);
    }

    Object ownProperties = loaded.job().target().get("properties");
    if (ownProperties != null && !(ownProperties instanceof Map<?, ?>)) {
      throw new UsageError(
          "Cannot run "
              + loaded.job().file()
              + ": target.properties must be a mapping of names to values",
          "for example properties: {team: data-platform}");
    }

    if (ownProperties instanceof Map<?, ?> own) {
      own.forEach((key, value) -> checkProperty(loaded, String.valueOf(key), value));
      own.forEach(
          (key, value) -> {
            String k = String.valueOf(key);
            if (properties.containsKey(k)) {
              warn.accept(
                  "target.properties."
                      + k
                      + " is already set (by the job's tags or target.compression); that value is"
                      + " kept");
            } else if (value instanceof io.dativo.core.config.Secret) {
              warn.accept(
                  "target.properties."
                      + k
                      + " comes from a sensitive value: secrets are never written to a table");
            } else if (value != null) {
              properties.put(k, String.valueOf(value));
            }
          });
    }

    return properties;
  }

  /** A table property the job may set: not one Iceberg reserves, a scalar, a valid number. */
  private static void checkProperty(LoadedJob loaded, String key, Object value) {
    String where = "Cannot run " + loaded.job().file() + ": target.properties." + key;
    if (org.apache.iceberg.TableProperties.RESERVED_PROPERTIES.contains(key)) {
      throw new UsageError(
          where + " is reserved by Iceberg", "Iceberg sets it itself; remove it from the job");
    }

    if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>) {
      throw new UsageError(where + " must be a single value", "for example " + key + ": value");
    }

    String text = String.valueOf(value);
    if (key.equals("write.parquet.compression-codec")
        && !CODECS.contains(text.toLowerCase(java.util.Locale.ROOT))) {
      throw new UsageError(
          where + " must be one of " + String.join(", ", CODECS) + ", found '" + text + "'",
          "or use target.compression");
    }

    if (key.startsWith("write.")
        && key.matches(".*-(bytes|limit|count|level|size|ms)$")
        && !text.matches("-?\\d+")) {
      throw new UsageError(
          where + " must be a whole number, found '" + text + "'", "for example " + key + ": 1");
    }
  }

  /** {@code target.target_file_size_mb}, default 128 MB. */
  static long targetFileBytes(LoadedJob loaded) {
    Object configured = loaded.job().target().get("target_file_size_mb");
    if (configured == null) {
      return RunRequest.DEFAULT_TARGET_FILE_BYTES;
    }

    try {
      return Math.max(1, Long.parseLong(String.valueOf(configured))) * 1024 * 1024;
    } catch (NumberFormatException e) {
      throw new UsageError(
          "Cannot run "
              + loaded.job().file()
              + ": target.target_file_size_mb must be a whole number of megabytes, found '"
              + configured
              + "'",
          "for example target_file_size_mb: 128");
    }
  }

  /** A progress line on a terminal; a log line per 100,000 rows otherwise. */
  private static final class Progress implements RunRequest.ProgressListener {
    private final CliContext context;
    private final EventLog log;
    private final Metrics metrics;
    private final io.dativo.core.config.JobConfig job;
    private final long start = System.nanoTime();
    private boolean drawn;

    Progress(
        CliContext context, EventLog log, Metrics metrics, io.dativo.core.config.JobConfig job) {
      this.context = context;
      this.log = log;
      this.metrics = metrics;
      this.job = job;
    }

    @Override
    public void progress(long rows, String unit, int done, int total) {
      metrics.live(Metrics.metric(MetricNames.ROWS_READ, rows, Metric.Unit.COUNT, job));
      double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
      String line =
          String.format(
              "%,d rows  %,.0f rows/s  %s%s",
              rows,
              rows / seconds,
              shortName(unit),
              total > 0 ? "  (" + done + "/" + total + " done)" : "");
      if (log.isJson()) {
        log.event("INFO", "progress", line, Map.of("rows_read", rows, "unit", unit));
      } else if (context.terminal()) {
        context.err().print("\r\u001b[2K" + line);
        context.err().flush();
        drawn = true;
      } else {
        context.err().println("dativo: " + line);
      }
    }

    void finish() {
      if (drawn) {
        context.err().println();
      }
    }

    private static String shortName(String unit) {
      int slash = unit.lastIndexOf('/');
      return slash >= 0 ? unit.substring(slash + 1) : unit;
    }
  }
}

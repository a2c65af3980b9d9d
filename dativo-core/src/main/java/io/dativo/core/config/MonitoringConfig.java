package io.dativo.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A job's {@code monitoring} section: where metrics go. Off by default; an exporter that fails
 * never fails the job.
 */
public record MonitoringConfig(
    Optional<String> cloudwatchNamespace,
    Optional<String> cloudwatchRegion,
    Optional<String> cloudMonitoringProject,
    Optional<Path> prometheusFile,
    Optional<Long> prometheusPort) {

  public static final MonitoringConfig NONE =
      new MonitoringConfig(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Binds {@code monitoring}; relative Prometheus files resolve against the job file. */
  public static MonitoringConfig bind(Section monitoring, Path jobFile) {
    monitoring.rejectUnknownKeys(ConfigKeys.MONITORING);
    Optional<Section> cloudwatch = monitoring.section("cloudwatch");
    cloudwatch.ifPresent(c -> c.rejectUnknownKeys(ConfigKeys.CLOUDWATCH));
    Optional<Section> cloudMonitoring = monitoring.section("cloud_monitoring");
    cloudMonitoring.ifPresent(c -> c.rejectUnknownKeys(ConfigKeys.CLOUD_MONITORING));
    Optional<Section> prometheus = monitoring.section("prometheus");
    prometheus.ifPresent(p -> p.rejectUnknownKeys(ConfigKeys.PROMETHEUS));
    return new MonitoringConfig(
        cloudwatch.map(c -> c.string("namespace").orElse("Dativo")),
        cloudwatch.flatMap(c -> c.string("region")),
        cloudMonitoring.flatMap(
            c -> c.requiredString("project_id", "the GCP project to publish to")),
        prometheus
            .flatMap(p -> p.string("file"))
            .map(f -> jobFile.toAbsolutePath().getParent().resolve(f).normalize()),
        prometheus.flatMap(p -> p.integer("port")));
  }
}

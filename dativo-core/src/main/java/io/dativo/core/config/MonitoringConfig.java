package io.dativo.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A job's {@code monitoring} section: where metrics go. Off by default; an exporter that fails
 * never fails the job.
 *
 * @param cloudMonitoringProject the project for Cloud Monitoring; empty with {@code
 *     cloud_monitoring} set means the job's own GCP project ({@link #cloudMonitoring} says whether
 *     the section is there)
 * @param prometheusPort serve {@code /metrics} on this port while the command runs (0: a free one)
 * @param prometheusHost the address to serve on (default all interfaces, as exporters do)
 * @param prometheusLinger after the run, how long to wait for a scrape of the final values
 */
public record MonitoringConfig(
    Optional<String> cloudwatchNamespace,
    Optional<String> cloudwatchRegion,
    boolean cloudMonitoring,
    Optional<String> cloudMonitoringProject,
    Optional<Path> prometheusFile,
    Optional<Integer> prometheusPort,
    String prometheusHost,
    Duration prometheusLinger) {

  public static final MonitoringConfig NONE =
      new MonitoringConfig(
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "0.0.0.0",
          Duration.ZERO);

  /** Binds {@code monitoring}; relative Prometheus files resolve against the job file. */
  public static MonitoringConfig bind(Section monitoring, Path jobFile) {
    monitoring.rejectUnknownKeys(ConfigKeys.MONITORING);
    Optional<Section> cloudwatch = monitoring.section("cloudwatch");
    cloudwatch.ifPresent(c -> c.rejectUnknownKeys(ConfigKeys.CLOUDWATCH));
    Optional<Section> cloudMonitoring = monitoring.section("cloud_monitoring");
    cloudMonitoring.ifPresent(c -> c.rejectUnknownKeys(ConfigKeys.CLOUD_MONITORING));
    Optional<Section> prometheus = monitoring.section("prometheus");
    prometheus.ifPresent(p -> p.rejectUnknownKeys(ConfigKeys.PROMETHEUS));
    Optional<Integer> port =
        prometheus.flatMap(p -> ranged(p, "port", 0, 65_535, "a TCP port, 0 to 65535"));
    Optional<Integer> linger =
        prometheus.flatMap(
            p -> ranged(p, "linger_seconds", 0, 3_600, "a number of seconds, 0 to 3600"));
    return new MonitoringConfig(
        cloudwatch.map(c -> c.string("namespace").orElse("Dativo")),
        cloudwatch.flatMap(c -> c.string("region")),
        cloudMonitoring.isPresent(),
        cloudMonitoring.flatMap(c -> c.string("project_id")),
        prometheus
            .flatMap(p -> p.string("file"))
            .map(f -> jobFile.toAbsolutePath().getParent().resolve(f).normalize()),
        port,
        prometheus.flatMap(p -> p.string("host")).orElse("0.0.0.0"),
        Duration.ofSeconds(linger.orElse(0)));
  }

  private static Optional<Integer> ranged(
      Section section, String key, int min, int max, String expected) {
    Optional<Long> value = section.integer(key);
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      section
          .problems()
          .error(
              section.node(key).orElseThrow(), "expected " + expected + ", found " + value.get());
      return Optional.empty();
    }

    return value.map(Long::intValue);
  }
}

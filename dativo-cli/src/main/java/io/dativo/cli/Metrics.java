package io.dativo.cli;

import io.dativo.cloud.aws.AwsClients;
import io.dativo.cloud.aws.CloudWatchMetricsSink;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.MonitoringConfig;
import io.dativo.core.observability.Metric;
import io.dativo.core.observability.MetricsSink;
import io.dativo.core.observability.PrometheusFileSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exporters a job's {@code monitoring} section names; failures become warnings. */
final class Metrics {
  private Metrics() {}

  /** Publishes {@code metrics} to every configured exporter; never throws. */
  static void publish(CliContext context, JobConfig job, List<Metric> metrics) {
    MonitoringConfig monitoring = job.monitoring();
    List<MetricsSink> sinks = new ArrayList<>();
    List<AutoCloseable> resources = new ArrayList<>();
    monitoring.prometheusFile().ifPresent(f -> sinks.add(new PrometheusFileSink(f)));
    monitoring
        .cloudwatchNamespace()
        .ifPresent(
            namespace -> {
              CloudWatchMetricsSink sink =
                  new CloudWatchMetricsSink(
                      new AwsClients(
                          context.env(),
                          monitoring
                              .cloudwatchRegion()
                              .or(() -> job.infrastructure().flatMap(i -> i.region()))),
                      namespace);
              sinks.add(sink);
              resources.add(sink);
            });
    monitoring
        .cloudMonitoringProject()
        .ifPresent(
            p ->
                context
                    .err()
                    .println(
                        "warning: monitoring.cloud_monitoring is not available in this version yet; metrics not sent to project "
                            + p));
    monitoring
        .prometheusPort()
        .ifPresent(
            p ->
                context
                    .err()
                    .println(
                        "warning: monitoring.prometheus.port is not available in this version yet; use prometheus.file"));
    if (!sinks.isEmpty()) {
      MetricsSink.all(sinks, message -> context.err().println("warning: " + message))
          .publish(metrics);
    }

    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // releasing clients
      }
    }
  }

  static Map<String, String> dimensions(JobConfig job) {
    return Map.of(
        "tenant",
        job.tenantId(),
        "environment",
        job.environment(),
        "job",
        job.file().getFileName().toString());
  }

  /** Metrics carry the wall-clock time (not SOURCE_DATE_EPOCH, which only fixes tag values). */
  static Metric metric(String name, double value, Metric.Unit unit, JobConfig job) {
    return new Metric(name, value, unit, dimensions(job), Instant.now());
  }
}

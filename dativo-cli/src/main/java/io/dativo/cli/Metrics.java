package io.dativo.cli;

import io.dativo.cloud.aws.AwsClients;
import io.dativo.cloud.aws.CloudWatchMetricsSink;
import io.dativo.cloud.gcp.CloudMonitoringMetricsSink;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.MonitoringConfig;
import io.dativo.core.observability.Metric;
import io.dativo.core.observability.MetricsSink;
import io.dativo.core.observability.PrometheusEndpoint;
import io.dativo.core.observability.PrometheusFileSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exporters a job's {@code monitoring} section names, open for one command; failures become
 * warnings and never fail the command.
 */
final class Metrics implements AutoCloseable {
  private final CliContext context;
  private final List<MetricsSink> sinks = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Optional<PrometheusEndpoint> endpoint;

  private Metrics(CliContext context, JobConfig job) {
    this.context = context;
    MonitoringConfig monitoring = job.monitoring();
    monitoring.prometheusFile().ifPresent(f -> sinks.add(new PrometheusFileSink(f)));
    monitoring
        .cloudwatchNamespace()
        .ifPresent(
            namespace ->
                add(
                    new CloudWatchMetricsSink(
                        new AwsClients(
                            context.env(),
                            monitoring
                                .cloudwatchRegion()
                                .or(() -> job.infrastructure().flatMap(i -> i.region()))),
                        namespace)));
    if (monitoring.cloudMonitoring()) {
      Optional<String> project =
          monitoring
              .cloudMonitoringProject()
              .or(() -> job.infrastructure().flatMap(i -> i.projectId()));
      if (project.isPresent()) {
        add(new CloudMonitoringMetricsSink(project.get(), context.env()));
      } else {
        warn(
            "monitoring.cloud_monitoring has no project_id and the job names no GCP project;"
                + " metrics not sent to Cloud Monitoring");
      }
    }

    endpoint = monitoring.prometheusPort().flatMap(port -> serve(monitoring, port));
    endpoint.ifPresent(this::add);
  }

  /** Opens the exporters of {@code job} (a Prometheus endpoint starts serving now). */
  static Metrics open(CliContext context, JobConfig job) {
    return new Metrics(context, job);
  }

  /** Publishes {@code metrics} to every configured exporter at once; never throws. */
  static void publish(CliContext context, JobConfig job, List<Metric> metrics) {
    try (Metrics exporters = open(context, job)) {
      exporters.publish(metrics);
    }
  }

  /** A value that changes while the command runs; only a scrape endpoint shows it. */
  void live(Metric metric) {
    endpoint.ifPresent(e -> e.update(metric));
  }

  /** The command's final values, to every exporter; one failing does not stop the others. */
  void publish(List<Metric> metrics) {
    if (!sinks.isEmpty()) {
      MetricsSink.all(sinks, this::warn).publish(metrics);
    }
  }

  private Optional<PrometheusEndpoint> serve(MonitoringConfig monitoring, int port) {
    try {
      PrometheusEndpoint served =
          new PrometheusEndpoint(monitoring.prometheusHost(), port, monitoring.prometheusLinger());
      context.err().println("dativo: metrics at " + served.url());
      return Optional.of(served);
    } catch (RuntimeException e) {
      warn("metrics not served: " + e.getMessage());
      return Optional.empty();
    }
  }

  private <T extends MetricsSink & AutoCloseable> void add(T sink) {
    sinks.add(sink);
    resources.add(sink);
  }

  private void warn(String message) {
    context.err().println("warning: " + message);
  }

  /** Releases clients; a Prometheus endpoint first waits (bounded) for its final scrape. */
  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        warn("metrics exporter did not close cleanly: " + e.getMessage());
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

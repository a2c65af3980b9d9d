package io.dativo.cloud.gcp;

import com.google.api.Metric;
import com.google.api.MonitoredResource;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.monitoring.v3.MetricServiceClient;
import com.google.cloud.monitoring.v3.MetricServiceSettings;
import com.google.monitoring.v3.Point;
import com.google.monitoring.v3.ProjectName;
import com.google.monitoring.v3.TimeInterval;
import com.google.monitoring.v3.TimeSeries;
import com.google.monitoring.v3.TypedValue;
import com.google.protobuf.Timestamp;
import io.dativo.core.net.ServiceEndpoints;
import io.dativo.core.observability.MetricsSink;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes metrics to Google Cloud Monitoring as custom metrics ({@code
 * custom.googleapis.com/dativo/ingest/rows_written}, …) on the {@code global} resource of a
 * project, one GAUGE point per metric, with the dimensions as metric labels. Uses the Java client
 * over its HTTP/JSON transport and Application Default Credentials; {@code
 * GOOGLE_MONITORING_CUSTOM_ENDPOINT} points it elsewhere (an endpoint on loopback, a local
 * stand-in, is used without credentials).
 */
public final class CloudMonitoringMetricsSink implements MetricsSink, AutoCloseable {
  /** Cloud Monitoring accepts at most 200 time series per CreateTimeSeries call. */
  static final int MAX_SERIES_PER_CALL = 200;

  /** Cloud Monitoring allows at most 30 labels on a custom metric. */
  static final int MAX_LABELS = 30;

  static final String METRIC_PREFIX = "custom.googleapis.com/";

  private final String projectId;
  private final Map<String, String> env;
  private MetricServiceClient client;

  public CloudMonitoringMetricsSink(String projectId, Map<String, String> env) {
    this.projectId = projectId;
    this.env = Map.copyOf(env);
  }

  @Override
  public void publish(List<io.dativo.core.observability.Metric> metrics) {
    List<TimeSeries> series = new ArrayList<>();
    for (io.dativo.core.observability.Metric metric : metrics) {
      series.add(timeSeries(projectId, metric));
    }

    for (int i = 0; i < series.size(); i += MAX_SERIES_PER_CALL) {
      List<TimeSeries> batch = series.subList(i, Math.min(series.size(), i + MAX_SERIES_PER_CALL));
      client().createTimeSeries(ProjectName.of(projectId), batch);
    }
  }

  /** One metric as a Cloud Monitoring time series with a single GAUGE point. */
  static TimeSeries timeSeries(String projectId, io.dativo.core.observability.Metric metric) {
    Timestamp at =
        Timestamp.newBuilder()
            .setSeconds(metric.at().getEpochSecond())
            .setNanos(metric.at().getNano())
            .build();
    return TimeSeries.newBuilder()
        .setMetric(
            Metric.newBuilder().setType(metricType(metric.name())).putAllLabels(labels(metric)))
        .setResource(
            MonitoredResource.newBuilder().setType("global").putLabels("project_id", projectId))
        .setUnit(unit(metric.unit()))
        .addPoints(
            Point.newBuilder()
                .setInterval(TimeInterval.newBuilder().setEndTime(at))
                .setValue(TypedValue.newBuilder().setDoubleValue(metric.value())))
        .build();
  }

  /**
   * {@code dativo.ingest.rows_written} → {@code custom.googleapis.com/dativo/ingest/rows_written}.
   */
  static String metricType(String name) {
    return METRIC_PREFIX + name.replace('.', '/').replaceAll("[^A-Za-z0-9_/]", "_");
  }

  /** Label keys must match {@code [a-z][a-z0-9_]*} and be at most 100 characters. */
  static Map<String, String> labels(io.dativo.core.observability.Metric metric) {
    Map<String, String> labels = new LinkedHashMap<>();
    metric.dimensions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .limit(MAX_LABELS)
        .forEach(
            e -> {
              String key = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
              if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
                key = "l_" + key;
              }
              labels.put(key.length() > 100 ? key.substring(0, 100) : key, e.getValue());
            });
    return labels;
  }

  /** UCUM units, as Cloud Monitoring expects them. */
  private static String unit(io.dativo.core.observability.Metric.Unit unit) {
    return switch (unit) {
      case COUNT -> "1";
      case BYTES -> "By";
      case SECONDS -> "s";
    };
  }

  private MetricServiceClient client() {
    if (client == null) {
      try {
        MetricServiceSettings.Builder settings = MetricServiceSettings.newBuilder();
        Optional<String> endpoint =
            Optional.ofNullable(env.get("GOOGLE_MONITORING_CUSTOM_ENDPOINT"))
                .filter(e -> !e.isBlank());
        if (endpoint.isPresent()) {
          // gRPC wants host:port; a URL's scheme says whether to use TLS.
          String value =
              ServiceEndpoints.requireSafe(endpoint.get(), "GOOGLE_MONITORING_CUSTOM_ENDPOINT");
          URI uri = URI.create(value.contains("://") ? value : "https://" + value);
          String host = uri.getHost() == null ? "" : uri.getHost();
          int port = uri.getPort() > 0 ? uri.getPort() : 443;
          boolean loopback = ServiceEndpoints.isLoopbackHost(host);
          InstantiatingGrpcChannelProvider.Builder channel =
              MetricServiceSettings.defaultGrpcTransportProviderBuilder()
                  .setEndpoint(host + ":" + port);
          if (loopback) {
            // A local stand-in: plaintext, and no credentials sent.
            channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
            settings.setCredentialsProvider(NoCredentialsProvider.create());
          }

          settings.setTransportChannelProvider(channel.build());
        }

        client = MetricServiceClient.create(settings.build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}

package io.dativo.cloud.aws;

import io.dativo.core.observability.Metric;
import io.dativo.core.observability.MetricsSink;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** Publishes metrics to Amazon CloudWatch (PutMetricData, up to 1000 data points per call). */
public final class CloudWatchMetricsSink implements MetricsSink, AutoCloseable {
  static final int MAX_DATA_PER_CALL = 1000;
  static final int MAX_DIMENSIONS = 30;

  private final AwsClients clients;
  private final String namespace;

  public CloudWatchMetricsSink(AwsClients clients, String namespace) {
    this.clients = clients;
    this.namespace = namespace;
  }

  @Override
  public void publish(List<Metric> metrics) {
    List<MetricDatum> data = new ArrayList<>();
    for (Metric metric : metrics) {
      data.add(
          MetricDatum.builder()
              .metricName(metric.name())
              .value(metric.value())
              .unit(unit(metric.unit()))
              .timestamp(metric.at())
              .dimensions(
                  metric.dimensions().entrySet().stream()
                      .limit(MAX_DIMENSIONS)
                      .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                      .toList())
              .build());
    }

    for (int i = 0; i < data.size(); i += MAX_DATA_PER_CALL) {
      List<MetricDatum> batch = data.subList(i, Math.min(data.size(), i + MAX_DATA_PER_CALL));
      clients.cloudWatch().putMetricData(r -> r.namespace(namespace).metricData(batch));
    }
  }

  private static StandardUnit unit(Metric.Unit unit) {
    return switch (unit) {
      case COUNT -> StandardUnit.COUNT;
      case BYTES -> StandardUnit.BYTES;
      case SECONDS -> StandardUnit.SECONDS;
    };
  }

  @Override
  public void close() {
    clients.close();
  }
}

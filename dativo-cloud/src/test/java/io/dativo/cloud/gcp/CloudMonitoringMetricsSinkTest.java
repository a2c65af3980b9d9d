package io.dativo.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.TimeSeries;
import io.dativo.core.observability.Metric;
import io.dativo.core.observability.MetricNames;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The real Cloud Monitoring client against a loopback gRPC stand-in of {@code CreateTimeSeries}:
 * what it sends is what Cloud Monitoring expects of a custom metric.
 */
class CloudMonitoringMetricsSinkTest {
  private static final Instant AT = Instant.parse("2026-11-23T10:15:30.250Z");

  @Test
  void sendsOneGaugePointPerMetricAsCustomMetricsOnTheGlobalResource() {
    try (CloudMonitoringStandIn standIn = new CloudMonitoringStandIn(Optional.empty());
        CloudMonitoringMetricsSink sink = sink("acme-data", standIn)) {
      sink.publish(
          List.of(
              new Metric(
                  MetricNames.ROWS_WRITTEN,
                  3000,
                  Metric.Unit.COUNT,
                  Map.of("tenant", "acme", "environment", "dev", "job", "orders.yaml"),
                  AT),
              new Metric(MetricNames.RUN_DURATION, 1.5, Metric.Unit.SECONDS, Map.of(), AT)));

      assertThat(standIn.requests).hasSize(1);
      CreateTimeSeriesRequest request = standIn.requests.get(0);
      assertThat(request.getName()).isEqualTo("projects/acme-data");
      assertThat(request.getTimeSeriesList()).hasSize(2);
      TimeSeries rows = request.getTimeSeries(0);
      assertThat(rows.getMetric().getType())
          .isEqualTo("custom.googleapis.com/dativo/ingest/rows_written");
      assertThat(rows.getMetric().getLabelsMap())
          .containsEntry("tenant", "acme")
          .containsEntry("environment", "dev")
          .containsEntry("job", "orders.yaml");
      assertThat(rows.getResource().getType()).isEqualTo("global");
      assertThat(rows.getResource().getLabelsMap()).containsEntry("project_id", "acme-data");
      assertThat(rows.getPointsList()).hasSize(1);
      assertThat(rows.getPoints(0).getValue().getDoubleValue()).isEqualTo(3000.0);
      assertThat(rows.getPoints(0).getInterval().getEndTime().getSeconds())
          .isEqualTo(AT.getEpochSecond());
      assertThat(rows.getPoints(0).getInterval().getEndTime().getNanos()).isEqualTo(250_000_000);
      TimeSeries duration = request.getTimeSeries(1);
      assertThat(duration.getMetric().getType())
          .isEqualTo("custom.googleapis.com/dativo/ingest/duration");
      assertThat(duration.getUnit()).isEqualTo("s");
    }
  }

  @Test
  void splitsIntoCallsOfAtMost200Series() {
    try (CloudMonitoringStandIn standIn = new CloudMonitoringStandIn(Optional.empty());
        CloudMonitoringMetricsSink sink = sink("p1", standIn)) {
      List<Metric> metrics = new ArrayList<>();
      IntStream.range(0, 450)
          .forEach(
              i ->
                  metrics.add(
                      new Metric(
                          MetricNames.ROWS_READ,
                          i,
                          Metric.Unit.COUNT,
                          Map.of("job", "j" + i),
                          AT)));
      sink.publish(metrics);

      assertThat(standIn.requests)
          .extracting(CreateTimeSeriesRequest::getTimeSeriesCount)
          .containsExactly(200, 200, 50);
    }
  }

  @Test
  void labelKeysFollowCloudMonitoringRules() {
    Metric metric =
        new Metric(
            "dativo.ingest.rows_read",
            1,
            Metric.Unit.COUNT,
            Map.of("Cost-Center", "fin", "1st", "x"),
            AT);

    assertThat(CloudMonitoringMetricsSink.labels(metric))
        .containsEntry("cost_center", "fin")
        .containsEntry("l_1st", "x");
  }

  @Test
  void aRefusedCallIsAnErrorThatSafelyTurnsIntoAWarning() {
    try (CloudMonitoringStandIn standIn =
            new CloudMonitoringStandIn(
                Optional.of(
                    Status.PERMISSION_DENIED.withDescription(
                        "Permission monitoring.timeSeries.create denied")));
        CloudMonitoringMetricsSink sink = sink("p1", standIn)) {
      Metric metric = new Metric("dativo.ingest.rows_read", 1, Metric.Unit.COUNT, Map.of(), AT);
      List<String> warnings = new ArrayList<>();
      sink.safely(warnings::add).publish(List.of(metric));

      assertThat(warnings).singleElement().asString().contains("metrics not published");
      assertThatThrownBy(() -> sink.publish(List.of(metric))).hasMessageContaining("denied");
    }
  }

  private static CloudMonitoringMetricsSink sink(String project, CloudMonitoringStandIn standIn) {
    return new CloudMonitoringMetricsSink(
        project, Map.of("GOOGLE_MONITORING_CUSTOM_ENDPOINT", standIn.endpoint()));
  }
}

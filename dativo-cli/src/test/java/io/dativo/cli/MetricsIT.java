package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A run's metrics reach CloudWatch (moto_server) and a Prometheus text file; a failing exporter
 * fails nothing.
 */
class MetricsIT {
  private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  @TempDir static Path dir;
  static MotoServer moto;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void runMetricsReachCloudWatchAndPrometheus() throws IOException {
    Path job = job("metrics.prom");

    CliRun run = CliRun.in(dir, env(moto.endpoint()), "run", "--config", job.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("metrics not published");
    try (CloudWatchClient cloudWatch =
        CloudWatchClient.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      var metrics = cloudWatch.listMetrics(r -> r.namespace("DativoTest")).metrics();
      assertThat(metrics)
          .extracting(Metric::metricName)
          .contains(
              "dativo.ingest.rows_written",
              "dativo.ingest.duration",
              "dativo.ingest.bytes_written");
      Metric rows =
          metrics.stream()
              .filter(m -> m.metricName().equals("dativo.ingest.rows_written"))
              .findFirst()
              .orElseThrow();
      assertThat(rows.dimensions())
          .anySatisfy(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("tenant=acme"));
      var stats =
          cloudWatch.getMetricStatistics(
              r ->
                  r.namespace("DativoTest")
                      .metricName("dativo.ingest.rows_written")
                      .dimensions(rows.dimensions())
                      .startTime(Instant.now().minusSeconds(3600))
                      .endTime(Instant.now().plusSeconds(3600))
                      .period(60)
                      .statistics(Statistic.SUM));
      assertThat(stats.datapoints()).extracting(d -> d.sum()).contains(3000.0);
    }

    String prometheus = Files.readString(dir.resolve("metrics.prom"));
    assertThat(prometheus)
        .contains("# TYPE dativo_ingest_rows_written_total counter")
        .containsPattern(
            "dativo_ingest_rows_written_total\\{environment=\"dev\",job=\"job-metrics.prom.yaml\",tenant=\"acme\"} 3000 \\d+");
  }

  @Test
  void aFailingExporterDoesNotFailTheJob() throws IOException {
    Path job = job("other.prom");

    CliRun run =
        CliRun.in(
            dir, env("http://127.0.0.1:9"), "run", "--config", job.toString(), "--full-refresh");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("warning: metrics not published");
    assertThat(dir.resolve("other.prom")).exists();
  }

  private static Path job(String prometheusFile) throws IOException {
    Path job = dir.resolve("job-" + prometheusFile + ".yaml");
    Files.writeString(
        job,
        """
        tenant_id: acme
        environment: dev
        source_connector: csv
        target_connector: iceberg
        asset: csv_orders
        asset_path: %s
        source: {files: ["%s"]}
        target: {warehouse: %s}
        monitoring:
          cloudwatch: {namespace: DativoTest, region: us-east-1}
          prometheus: {file: %s}
        """
            .formatted(
                EXAMPLES.resolve("assets/csv/v1.0/orders.yaml"),
                EXAMPLES.resolve("data/orders.csv"),
                dir.resolve("warehouse-" + prometheusFile),
                prometheusFile));
    return job;
  }

  private static Map<String, String> env(String endpoint) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("SOURCE_DATE_EPOCH", "1764084600");
    return env;
  }
}

package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.testing.MotoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            "(?m)^dativo_ingest_rows_written_total\\{environment=\"dev\",job=\"job-metrics.prom.yaml\",tenant=\"acme\"} 3000$");
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

  @Test
  void aPrometheusEndpointServesTheFinalValuesAndTheRunEndsOnceScraped() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path job =
        job(
            "endpoint.prom",
            "  prometheus: {port: %d, host: 127.0.0.1, linger_seconds: 120}\n".formatted(port));

    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      long started = System.nanoTime();
      Future<CliRun> run =
          runner.submit(
              () -> CliRun.in(dir, env("http://127.0.0.1:9"), "run", "--config", job.toString()));
      HttpClient http = HttpClient.newHttpClient();
      URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
      String scraped = "";
      while (!scraped.contains("dativo_ingest_duration_seconds") && !run.isDone()) {
        try {
          HttpResponse<String> response =
              http.send(HttpRequest.newBuilder(metrics).build(), BodyHandlers.ofString());
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.headers().firstValue("Content-Type"))
              .hasValue("text/plain; version=0.0.4; charset=utf-8");
          scraped = response.body();
        } catch (java.net.ConnectException notYetServing) {
          // the run has not opened its exporters yet
        }
        Thread.sleep(50);
      }

      CliRun result = run.get(60, TimeUnit.SECONDS);
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err()).contains("dativo: metrics at http://127.0.0.1:" + port + "/metrics");
      assertThat(scraped)
          .containsPattern(
              "(?m)^dativo_ingest_rows_written_total\\{environment=\"dev\",job=\"job-endpoint.prom.yaml\",tenant=\"acme\"} 3000$")
          .contains("# TYPE dativo_ingest_duration_seconds gauge");
      // The scrape of the final values ended the wait: far sooner than linger_seconds.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
      assertThatThrownBy(
              () -> http.send(HttpRequest.newBuilder(metrics).build(), BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void aBusyPortIsAWarningNotAFailure() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path job =
          job(
              "busy.prom",
              "  prometheus: {port: %d, host: 127.0.0.1}\n".formatted(busy.getLocalPort()));

      CliRun run = CliRun.in(dir, env("http://127.0.0.1:9"), "run", "--config", job.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err())
          .contains("warning: metrics not served: cannot serve metrics on 127.0.0.1:");
    }
  }

  private static Path job(String prometheusFile) throws IOException {
    return job(
        prometheusFile,
        """
          cloudwatch: {namespace: DativoTest, region: us-east-1}
          prometheus: {file: %s}
        """
            .formatted(prometheusFile));
  }

  private static Path job(String name, String monitoring) throws IOException {
    Path job = dir.resolve("job-" + name + ".yaml");
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
        """
                .formatted(
                    EXAMPLES.resolve("assets/csv/v1.0/orders.yaml"),
                    EXAMPLES.resolve("data/orders.csv"),
                    dir.resolve("warehouse-" + name))
            + monitoring);
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

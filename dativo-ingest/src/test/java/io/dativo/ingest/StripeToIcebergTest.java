package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Stripe job, key from the environment, through the real pipeline into a local Iceberg table. */
class StripeToIcebergTest {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger customers = new AtomicInteger(3);
  private final AtomicInteger pagesBeforeFailure = new AtomicInteger(-1);

  /** A customer whose {@code created} is not a time (the schema mismatch of a broken API). */
  private volatile int badCustomer = -1;

  /**
   * Stripe's list protocol (limit, starting_after, has_more, created[gte]); in order of creation,
   * {@code cus_N} created at 1700000000+N. With {@code pagesBeforeFailure} set, the key is revoked
   * after that many pages (a failure in the middle of the stream).
   */
  private void customers(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    Map<String, String> params = new java.util.HashMap<>();
    String query = java.util.Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? kv[1] : "");
    }

    boolean authorised =
        "Bearer sk_test_e2e".equals(exchange.getRequestHeaders().getFirst("Authorization"))
            && pagesBeforeFailure.getAndDecrement() != 0;
    int limit = Integer.parseInt(params.getOrDefault("limit", "10"));
    long from = Long.parseLong(params.getOrDefault("created[gte]", "0"));
    int first = 1;
    if (params.containsKey("starting_after")) {
      first = Integer.parseInt(params.get("starting_after").substring(4)) + 1;
    }
    List<String> data = new ArrayList<>();
    int i = first;
    for (; i <= customers.get() && data.size() < limit; i++) {
      if (1_700_000_000L + i >= from) {
        data.add(
            "{\"id\":\"cus_%d\",\"email\":\"c%d@example.com\",\"created\":%s}"
                .formatted(
                    i, i, i == badCustomer ? "\"yesterday\"" : Long.toString(1_700_000_000L + i)));
      }
    }
    byte[] body =
        (authorised
                ? "{\"object\":\"list\",\"data\":["
                    + String.join(",", data)
                    + "],\"has_more\":"
                    + (i <= customers.get())
                    + "}"
                : "{\"error\":{\"message\":\"Expired API Key provided\"}}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/customers", this::customers);
    server.start();
    Files.writeString(
        dir.resolve("asset.yaml"),
        """
        apiVersion: v3.0.2
        kind: DataContract
        name: stripe_customers
        version: "1.0"
        domain: payments
        schema:
          - {name: id, logicalType: string, required: true, primaryKey: true}
          - {name: email, logicalType: string, classification: PII}
          - {name: created, logicalType: timestamp, required: true}
        team: {owner: payments@acme.com}
        """);
    Files.writeString(
        dir.resolve("job.yaml"),
        """
        tenant_id: acme
        environment: dev
        source_connector: stripe
        target_connector: iceberg
        asset: stripe_customers
        asset_path: asset.yaml
        source:
          objects: [customers]
          base_url: http://127.0.0.1:%d
          credentials: {from_env: STRIPE_API_KEY}
        target:
          warehouse: %s
        """
            .formatted(server.getAddress().getPort(), dir.resolve("warehouse")));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void incremental() throws IOException {
    Path job = dir.resolve("job.yaml");
    Files.writeString(
        job,
        Files.readString(job)
            .replace(
                "credentials: {from_env: STRIPE_API_KEY}",
                "credentials: {from_env: STRIPE_API_KEY}\n  incremental: {cursor_field: created}"));
  }

  private RunResult run() {
    return run(Map.of("STRIPE_API_KEY", "sk_test_e2e"));
  }

  private RunResult run(Map<String, String> env) {
    LoadedJob loaded =
        new JobLoader(Map.of()).load(dir.resolve("job.yaml"), JobLoader.AssetRequirement.REQUIRED);
    return Pipeline.run(
        new RunRequest(
            loaded,
            Map.of(),
            dir,
            "run-" + System.nanoTime(),
            Instant.parse("2026-11-23T10:00:00Z"),
            false,
            false,
            RunRequest.DEFAULT_TARGET_FILE_BYTES,
            RunRequest.ProgressListener.NONE,
            env));
  }

  private org.apache.iceberg.Table table() {
    var catalog =
        io.dativo.ingest.catalog.CatalogFactory.open(
            io.dativo.ingest.catalog.CatalogFactory.spec(
                new JobLoader(Map.of())
                    .load(dir.resolve("job.yaml"), JobLoader.AssetRequirement.REQUIRED)
                    .job()
                    .target(),
                dir));
    return catalog.loadTable(TableIdentifier.of("acme", "payments", "stripe_customers"));
  }

  private List<Record> rows() throws IOException {
    var catalog =
        io.dativo.ingest.catalog.CatalogFactory.open(
            io.dativo.ingest.catalog.CatalogFactory.spec(
                new JobLoader(Map.of())
                    .load(dir.resolve("job.yaml"), JobLoader.AssetRequirement.REQUIRED)
                    .job()
                    .target(),
                dir));
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(
                catalog.loadTable(TableIdentifier.of("acme", "payments", "stripe_customers")))
            .build()) {
      records.forEach(r -> rows.add(r.copy()));
    }
    return rows;
  }

  @Test
  void customersLandInIcebergAndAReRunReplacesRatherThanDuplicates() throws IOException {
    RunResult first = run();
    assertThat(first.rowsWritten()).isEqualTo(3);
    assertThat(rows())
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("cus_1", "cus_2", "cus_3");

    customers.set(4);
    RunResult second = run();
    assertThat(second.rowsWritten()).isEqualTo(4);
    assertThat(rows()).hasSize(4);
  }

  @Test
  void aFailureMidStreamCommitsNothingAndTheNextRunResumesWithoutLossOrDuplicates()
      throws IOException {
    incremental();
    customers.set(250);
    RunResult first = run();
    assertThat(first.rowsWritten()).isEqualTo(250);
    long snapshot = first.snapshotId().orElseThrow();

    customers.set(480);
    pagesBeforeFailure.set(2);
    assertThatThrownBy(this::run).isInstanceOf(IngestException.class);
    // Two pages (200 customers) were read and written to files, but nothing was committed.
    assertThat(table().currentSnapshot().snapshotId()).isEqualTo(snapshot);
    assertThat(rows()).hasSize(250);

    pagesBeforeFailure.set(-1);
    RunResult resumed = run();
    assertThat(resumed.rowsWritten()).isEqualTo(230);
    List<Record> all = rows();
    assertThat(all).hasSize(480);
    assertThat(all.stream().map(r -> r.getField("id")).distinct().count()).isEqualTo(480);
    assertThat(table().currentSnapshot().summary())
        .containsEntry("dativo.cursor.customers", (1_700_000_000L + 480) + "|cus_480");

    RunResult again = run();
    assertThat(again.rowsWritten()).isZero();
    assertThat(rows()).hasSize(480);
  }

  @Test
  void theKeyCanComeFromASecretsFileNextToTheJob() throws IOException {
    Path job = dir.resolve("job.yaml");
    Files.writeString(
        job,
        Files.readString(job)
            .replace(
                "credentials: {from_env: STRIPE_API_KEY}", "credentials: {from_file: stripe.key}"));

    assertThatThrownBy(() -> run(Map.of()))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG);
              assertThat(e.getMessage())
                  .contains("the secrets file " + dir.resolve("stripe.key") + " does not exist");
            });

    Files.writeString(dir.resolve("stripe.key"), "sk_test_e2e\n");
    assertThat(run(Map.of()).rowsWritten()).isEqualTo(3);
  }

  @Test
  void aValueThatDoesNotFitTheSchemaFailsAStrictRunAndIsRejectedInWarnMode() throws IOException {
    customers.set(5);
    badCustomer = 4;

    assertThatThrownBy(this::run)
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(IngestException.Kind.DATA);
              assertThat(e.getMessage()).contains("cus_4").contains("created");
            });

    Path job = dir.resolve("job.yaml");
    Files.writeString(job, Files.readString(job) + "schema_validation_mode: warn\n");
    RunResult warned = run();
    assertThat(warned.rowsRead()).isEqualTo(5);
    assertThat(warned.rowsWritten()).isEqualTo(4);
    assertThat(warned.rowsRejected()).isEqualTo(1);
    assertThat(rows())
        .extracting(r -> r.getField("id"))
        .containsExactlyInAnyOrder("cus_1", "cus_2", "cus_3", "cus_5");
  }

  @Test
  void anIncrementalReadDoesNotDropAnObjectWhoseCreatedIsNotATime() throws IOException {
    incremental();
    customers.set(3);
    run();
    customers.set(5);
    badCustomer = 4;

    assertThatThrownBy(this::run)
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> assertThat(e.getMessage()).contains("cus_4").contains("created"));
    assertThat(rows()).hasSize(3);
  }
}

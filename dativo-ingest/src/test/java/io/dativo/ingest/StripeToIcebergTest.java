package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/customers",
        exchange -> {
          boolean authorised =
              "Bearer sk_test_e2e".equals(exchange.getRequestHeaders().getFirst("Authorization"));
          List<String> data = new ArrayList<>();
          for (int i = 1; i <= customers.get(); i++) {
            data.add(
                "{\"id\":\"cus_%d\",\"email\":\"c%d@example.com\",\"created\":%d}"
                    .formatted(i, i, 1_700_000_000L + i));
          }
          byte[] body =
              (authorised
                      ? "{\"object\":\"list\",\"data\":["
                          + String.join(",", data)
                          + "],\"has_more\":false}"
                      : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
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

  private RunResult run() {
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
            Map.of("STRIPE_API_KEY", "sk_test_e2e")));
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
}

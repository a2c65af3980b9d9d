package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.ingest.catalog.CatalogFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gs:// warehouse: data and metadata files written and read through Iceberg's GCSFileIO and the
 * real Cloud Storage client, against a loopback stand-in of the JSON API's objects; the catalog is
 * a JDBC catalog in a local SQLite file.
 */
class GcsWarehouseTest {
  @TempDir Path dir;
  private GcsObjectStandIn gcs;
  private Map<String, String> env;

  @BeforeEach
  void start() throws IOException {
    gcs = new GcsObjectStandIn();
    env =
        Map.of(
            "GOOGLE_STORAGE_CUSTOM_ENDPOINT", gcs.endpoint(), "GOOGLE_CLOUD_PROJECT", "acme-data");
    IngestFixture fixture = new IngestFixture(dir);
    StringBuilder csv = new StringBuilder("order_id,email,amount,paid,created_at\n");
    for (int i = 1; i <= 500; i++) {
      csv.append(IngestFixture.row(i)).append('\n');
    }
    Files.writeString(dir.resolve("orders.csv"), csv);
    fixture.write(
        "job.yaml",
        """
        tenant_id: acme
        environment: dev
        source_connector: csv
        target_connector: iceberg
        asset: orders
        asset_path: asset.yaml
        source: {files: [orders.csv]}
        target:
          warehouse: gs://acme-lake/warehouse
          catalog: {type: jdbc, uri: "jdbc:sqlite:%s"}
        """
            .formatted(dir.resolve("catalog.db")));
  }

  @AfterEach
  void stop() {
    gcs.close();
  }

  @Test
  void rowsLandInTheBucketAndReadBack() throws IOException {
    RunResult first = run();
    RunResult again = run();

    assertThat(first.rowsWritten()).isEqualTo(500);
    assertThat(again.rowsRead()).isZero();
    assertThat(gcs.objects.keySet())
        .anyMatch(
            k ->
                k.startsWith("acme-lake/warehouse/acme/sales/orders/data/")
                    && k.endsWith(".parquet"))
        .anyMatch(
            k ->
                k.startsWith("acme-lake/warehouse/acme/sales/orders/metadata/")
                    && k.endsWith(".metadata.json"));
    Table table = catalog().loadTable(TableIdentifier.of("acme", "sales", "orders"));
    assertThat(table.location()).isEqualTo("gs://acme-lake/warehouse/acme/sales/orders");
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(r -> rows.add(r.copy()));
    }
    assertThat(rows).hasSize(500);
    assertThat(table.properties()).containsKey("dativo.managed-keys");
  }

  private RunResult run() {
    LoadedJob loaded =
        new JobLoader(Map.of()).load(dir.resolve("job.yaml"), JobLoader.AssetRequirement.REQUIRED);
    return Pipeline.run(
        new RunRequest(
            loaded,
            Map.of("governance.owner", "sales@acme.com"),
            dir,
            "run-" + System.nanoTime(),
            Instant.parse("2026-11-23T10:00:00Z"),
            false,
            false,
            RunRequest.DEFAULT_TARGET_FILE_BYTES,
            RunRequest.ProgressListener.NONE,
            env));
  }

  private Catalog catalog() {
    LoadedJob loaded =
        new JobLoader(Map.of()).load(dir.resolve("job.yaml"), JobLoader.AssetRequirement.REQUIRED);
    return CatalogFactory.open(CatalogFactory.spec(loaded.job().target(), dir), env);
  }
}

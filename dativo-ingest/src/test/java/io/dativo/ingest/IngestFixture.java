package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.rules.IcebergPropertyRules;
import io.dativo.ingest.catalog.CatalogFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** A job directory with an asset and CSV files, run through the real pipeline and catalog. */
final class IngestFixture {
  static final String ASSET =
      """
      apiVersion: v3.0.2
      kind: DataContract
      name: orders
      version: "1.0"
      domain: sales
      schema:
        - {name: order_id, logicalType: integer, required: true, primaryKey: true}
        - {name: email, logicalType: string, classification: PII}
        - {name: amount, logicalType: number}
        - {name: paid, logicalType: boolean}
        - {name: created_at, logicalType: timestamp, required: true}
      team: {owner: sales@acme.com}
      compliance: {classification: [PII], retention_days: 365, security: {encryption_required: true}}
      finops: {cost_center: SALES-1}
      target: {partitioning: [ingest_date]}
      """;

  final Path dir;
  int runs;
  String tableName = "orders";
  Map<String, String> env = Map.of();

  IngestFixture(Path dir) {
    this.dir = dir;
    write("asset.yaml", ASSET);
    job("strict", "");
  }

  void job(String mode, String extra) {
    targetJob(
        "warehouse: " + dir.resolve("warehouse"), "schema_validation_mode: " + mode + "\n" + extra);
  }

  /**
   * The CSV job over {@code data/*.csv}: {@code target} is the target block's lines (indented
   * here), {@code extra} more top-level YAML (before {@code source}).
   */
  void targetJob(String target, String extra) {
    write(
        "job.yaml",
        """
        tenant_id: acme
        environment: dev
        source_connector: csv
        target_connector: iceberg
        asset: orders
        asset_path: asset.yaml
        %s
        source:
          files: ["data/*.csv"]
        target:
        %s
        """
            .formatted(extra.strip(), target.strip().indent(2).stripTrailing()));
  }

  /** The asset, the job and the table renamed to {@code name} (one table per test). */
  void renameTable(String name) {
    write("asset.yaml", read("asset.yaml").replace("name: orders\n", "name: " + name + "\n"));
    write("job.yaml", read("job.yaml").replace("asset: orders\n", "asset: " + name + "\n"));
    tableName = name;
  }

  Path csv(String name, String... rows) {
    List<String> lines = new ArrayList<>();
    lines.add("order_id,email,amount,paid,created_at");
    lines.addAll(List.of(rows));
    return write("data/" + name, String.join("\n", lines) + "\n");
  }

  static String row(long id) {
    return id
        + ",c"
        + id
        + "@example.com,"
        + (id * 1.5)
        + ",true,2025-01-0"
        + (1 + id % 9)
        + "T10:00:00Z";
  }

  /** Rows {@code from..to} (inclusive), as {@link #row} makes them. */
  static String[] rows(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to)
        .mapToObj(IngestFixture::row)
        .toArray(String[]::new);
  }

  /** The job file with {@code target.branch: <branch>} added (YAML text, as users write it). */
  void targetBranch(String branch) {
    write("job.yaml", withTargetBranch(read("job.yaml"), branch));
  }

  static String withTargetBranch(String job, String branch) {
    return job.replace("target:\n", "target:\n  branch: " + branch + "\n");
  }

  Path write(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LoadedJob load() {
    return new JobLoader(Map.of())
        .load(dir.resolve("job.yaml"), JobLoader.AssetRequirement.REQUIRED);
  }

  RunResult run() {
    return run(false);
  }

  RunResult run(boolean fullRefresh) {
    return run(fullRefresh, Map.of());
  }

  /** A run whose table properties are the tags' plus {@code extra}. */
  RunResult run(boolean fullRefresh, Map<String, String> extra) {
    LoadedJob loaded = load();
    TagInputs inputs =
        TagInputs.of(loaded.job(), loaded.asset(), Instant.parse("2026-11-23T10:00:00Z"));
    Map<String, String> properties =
        new java.util.LinkedHashMap<>(
            IcebergPropertyRules.render(inputs, TagDeriver.derive(inputs)).values());
    properties.putAll(extra);
    RunRequest request =
        new RunRequest(
            loaded,
            properties,
            dir,
            "run" + (++runs) + "-" + System.nanoTime(),
            Instant.parse("2026-11-23T10:00:00Z"),
            fullRefresh,
            false,
            RunRequest.DEFAULT_TARGET_FILE_BYTES,
            RunRequest.ProgressListener.NONE,
            env);
    return Pipeline.run(request);
  }

  Catalog catalog() {
    return CatalogFactory.open(CatalogFactory.spec(load().job().target(), dir), env);
  }

  Table table() {
    return catalog().loadTable(TableIdentifier.of("acme", "sales", tableName));
  }

  List<Record> rows() {
    Table table = table();
    return table.currentSnapshot() == null ? List.of() : rows(table.currentSnapshot().snapshotId());
  }

  /** The rows of one snapshot (a branch's head, say). */
  List<Record> rows(long snapshotId) {
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(table()).useSnapshot(snapshotId).build()) {
      List<Record> rows = new ArrayList<>();
      records.forEach(r -> rows.add(r.copy()));
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long dataFilesOnDisk() {
    try (var files = Files.walk(dir.resolve("warehouse"))) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  static void assertRowCount(IngestFixture fixture, int count) {
    assertThat(fixture.rows()).hasSize(count);
  }
}

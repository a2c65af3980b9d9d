package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dativo run} as the README shows it: the shipped CSV example on the embedded defaults. */
class RunCommandIT {
  private static final Path EXAMPLE =
      Path.of("../examples/jobs/acme/csv_orders.yaml").toAbsolutePath().normalize();
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1764084600");

  @TempDir Path workingDir;

  @Test
  void theReadmeExampleLandsItsRowsAndTags() throws IOException {
    CliRun run = CliRun.in(workingDir, ENV, "run", "--config", EXAMPLE.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("done: acme.sales.csv_orders")
        .contains("3,000 read, 3,000 written, 0 rejected")
        .contains("(columnar Parquet writer)");
    assertThat(Files.exists(workingDir.resolve(".dativo/warehouse/catalog.db"))).isTrue();

    CliRun table =
        CliRun.in(workingDir, ENV, "table", "--config", EXAMPLE.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(table.out());
    assertThat(json.get("properties").get("governance.owner").asText())
        .isEqualTo("sales-data@acme.com");
    assertThat(json.get("properties").get("infrastructure.cost_center").asText())
        .isEqualTo("DATA-001");
    assertThat(json.get("snapshot").get("total-records").asText()).isEqualTo("3000");
  }

  @Test
  void aSecondRunReadsNothingAndSaysSo() throws IOException {
    CliRun.in(workingDir, ENV, "run", "--config", EXAMPLE.toString());

    CliRun again =
        CliRun.in(workingDir, ENV, "run", "--config", EXAMPLE.toString(), "--format", "json");

    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("rows_read").asLong()).isZero();
    assertThat(json.get("units_skipped")).hasSize(1);
    assertThat(json.get("parquet_writer").isNull()).isTrue(); // no data file written
  }

  @Test
  void icebergsWriterCanBeChosenAndSaysSo() throws IOException {
    java.util.Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put("DATIVO_PARQUET_WRITER", "iceberg");
    CliRun run =
        CliRun.in(workingDir, env, "run", "--config", EXAMPLE.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("parquet_writer").asText()).isEqualTo("iceberg");
    assertThat(json.get("rows_written").asLong()).isEqualTo(3000);
  }

  @Test
  void aDryRunWritesNothing() {
    CliRun run = CliRun.in(workingDir, ENV, "run", "--config", EXAMPLE.toString(), "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("dry run: acme.sales.csv_orders").contains("orders.csv");
    assertThat(Files.exists(workingDir.resolve(".dativo/warehouse/acme"))).isFalse();
  }

  @Test
  void aConnectorThatIsNotBuiltYetSaysSoPlainly() throws IOException {
    CliRun run =
        CliRun.in(workingDir, ENV, "run", "--config", unbuiltTargetJob(workingDir).toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err())
        .contains("the s3 target connector is not available in this version yet")
        .contains("available targets: iceberg");
    assertThat(workingDir.resolve(".dativo/warehouse")).doesNotExist();
  }

  @Test
  void jobTablePropertiesAndCompressionLandAndLeaveWithTheJob() throws IOException {
    Path dir = exampleCopy("props");
    String job =
        "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\n"
            + "asset: csv_orders\nasset_path: orders.yaml\nsource: {files: [orders.csv]}\n";
    Files.writeString(
        dir.resolve("job.yaml"),
        job
            + "target: {compression: snappy, properties: {team: data-platform,"
            + " governance.owner: someone-else}}\n");

    CliRun first =
        CliRun.in(workingDir, ENV, "run", "--config", dir.resolve("job.yaml").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("target.properties.governance.owner is already set");
    Map<String, String> properties = tableProperties(dir);
    assertThat(properties)
        .containsEntry("team", "data-platform")
        .containsEntry("write.parquet.compression-codec", "snappy")
        .containsEntry("governance.owner", "sales-data@acme.com");

    Files.writeString(dir.resolve("job.yaml"), job);
    CliRun second =
        CliRun.in(
            workingDir,
            ENV,
            "run",
            "--config",
            dir.resolve("job.yaml").toString(),
            "--full-refresh");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(tableProperties(dir))
        .doesNotContainKey("team")
        // Iceberg's default for new tables again, not the gzip a table without the key gets.
        .containsEntry("write.parquet.compression-codec", "zstd");
  }

  @Test
  void aRunOnABranchIsShownAsSuchByRunAndTable() throws IOException {
    Path dir = exampleCopy("wap");
    Files.writeString(
        dir.resolve("job.yaml"),
        "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\n"
            + "asset: csv_orders\nasset_path: orders.yaml\nsource: {files: [orders.csv]}\n"
            + "target: {branch: audit}\n");
    String job = dir.resolve("job.yaml").toString();

    CliRun run = CliRun.in(workingDir, ENV, "run", "--config", job, "--format", "json");
    CliRun table = CliRun.in(workingDir, ENV, "table", "--config", job, "--format", "json");
    CliRun text = CliRun.in(workingDir, ENV, "table", "--config", job);

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("branch").asText()).isEqualTo("audit");
    JsonNode shown = new ObjectMapper().readTree(table.out());
    assertThat(shown.get("branch").asText()).isEqualTo("audit");
    assertThat(shown.get("branches").get("audit").asLong())
        .isEqualTo(summary.get("snapshot_id").asLong());
    assertThat(shown.get("branches").has("main")).isFalse(); // a new table: nothing on main
    assertThat(shown.get("snapshot").get("total-records").asText()).isEqualTo("3000");
    assertThat(text.out()).contains("branch audit snapshot " + summary.get("snapshot_id"));
  }

  @Test
  void tablePropertiesIcebergReservesOrCannotTakeAreRefusedByCheckAndRun() throws IOException {
    Path dir = exampleCopy("bad-props");
    String job =
        "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\n"
            + "asset: csv_orders\nasset_path: orders.yaml\nsource: {files: [orders.csv]}\n";
    Map<String, String> cases =
        Map.of(
            "target: {properties: {format-version: \"3\"}}\n", "is reserved by Iceberg",
            "target: {properties: {write.parquet.compression-codec: bogus}}\n", "must be one of",
            "target: {properties: {write.parquet.row-group-size-bytes: abc}}\n",
                "must be a whole number",
            "target: {properties: [a, b]}\n", "must be a mapping",
            "target: {compression: zstd2}\n", "target.compression must be one of");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Files.writeString(dir.resolve("job.yaml"), job + c.getKey());
      for (String command : new String[] {"check", "run"}) {
        CliRun run =
            CliRun.in(workingDir, ENV, command, "--config", dir.resolve("job.yaml").toString());

        assertThat(run.exitCode()).as(command + " " + c.getKey() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(c.getValue()).doesNotContain("internal error");
      }
    }
  }

  private Map<String, String> tableProperties(Path dir) throws IOException {
    CliRun table =
        CliRun.in(
            workingDir,
            ENV,
            "table",
            "--config",
            dir.resolve("job.yaml").toString(),
            "--format",
            "json");
    Map<String, String> properties = new java.util.TreeMap<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(table.out())
        .get("properties")
        .fields()
        .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    return properties;
  }

  @Test
  void otherModesAreNotAvailableYet() {
    CliRun run =
        CliRun.in(workingDir, ENV, "run", "--config", EXAMPLE.toString(), "--mode", "cloud");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains("only self_hosted is available");
  }

  @Test
  void aBadRowInStrictModeIsAValidationFailure() throws IOException {
    Path dir = exampleCopy("job"); // its orders.csv is replaced where the test needs other rows
    Files.writeString(
        dir.resolve("orders.csv"),
        "order_id,customer_email,amount,currency,status,created_at\n1,a@b.c,1.0,USD,paid,yesterday\n");
    Files.writeString(
        dir.resolve("job.yaml"),
        "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\nasset: csv_orders\nasset_path: orders.yaml\nsource: {files: [orders.csv]}\n");

    CliRun run = CliRun.in(workingDir, ENV, "run", "--config", dir.resolve("job.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
    assertThat(run.err())
        .contains("Cannot ingest orders.csv row 1: column 'created_at': expected a timestamp")
        .doesNotContain("\tat ");
  }

  /** A job naming the s3 (plain Parquet) target, which is not built yet. */
  static Path unbuiltTargetJob(Path dir) throws java.io.IOException {
    Files.writeString(
        dir.resolve("asset.yaml"),
        """
        apiVersion: v3.0.2
        kind: DataContract
        name: orders
        version: "1.0"
        schema:
          - {name: id, logicalType: integer}
        team: {owner: data@acme.com}
        """);
    return Files.writeString(
        dir.resolve("parquet_orders.yaml"),
        """
        tenant_id: acme
        environment: dev
        source_connector: csv
        target_connector: s3
        asset: orders
        asset_path: asset.yaml
        source: {files: [orders.csv]}
        """);
  }

  /** A folder with the example's asset (orders.yaml) and CSV (orders.csv), for a job of its own. */
  private Path exampleCopy(String name) throws IOException {
    Path dir = Files.createDirectories(workingDir.resolve(name));
    Files.copy(
        EXAMPLE.getParent().resolve("../../assets/csv/v1.0/orders.yaml").normalize(),
        dir.resolve("orders.yaml"));
    Files.copy(
        EXAMPLE.getParent().resolve("../../data/orders.csv").normalize(),
        dir.resolve("orders.csv"));
    return dir;
  }
}

package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays Dagster's side of the Pipes protocol around a real dativo run. */
class DagsterPipesIT {
  private static final Path EXAMPLE =
      Path.of("../examples/jobs/acme/csv_orders.yaml").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRunReportsItsMaterializationTagsAndChecks() throws IOException {
    Path messages = dir.resolve("messages.jsonl");
    Map<String, String> env =
        pipesEnv(
            "{\"data\": {\"asset_keys\": [\"acme/orders\"], \"partition_key\": null, \"run_id\": \"r1\", \"extras\": {}}}",
            messages);

    CliRun run = CliRun.in(dir, env, "run", "--config", EXAMPLE.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> sent = read(messages);
    assertThat(sent)
        .allSatisfy(m -> assertThat(m.get("__dagster_pipes_version").asText()).isEqualTo("0.1"));
    assertThat(sent.get(0).get("method").asText()).isEqualTo("opened");
    assertThat(sent.get(sent.size() - 1).get("method").asText()).isEqualTo("closed");
    JsonNode materialization =
        sent.stream()
            .filter(m -> m.get("method").asText().equals("report_asset_materialization"))
            .findFirst()
            .orElseThrow()
            .get("params");
    assertThat(materialization.get("asset_key").asText()).isEqualTo("acme/orders");
    JsonNode metadata = materialization.get("metadata");
    assertThat(metadata.get("rows_written").get("raw_value").asLong()).isEqualTo(3000);
    assertThat(metadata.get("rows_written").get("type").asText()).isEqualTo("int");
    assertThat(metadata.get("table").get("raw_value").asText()).isEqualTo("acme.sales.csv_orders");
    assertThat(metadata.get("branch").get("raw_value").asText()).isEqualTo("main");
    assertThat(metadata.get("cost_center").get("raw_value").asText()).isEqualTo("SALES-042");
    assertThat(metadata.get("environment").get("raw_value").asText()).isEqualTo("dev");
    assertThat(metadata.get("provider").get("raw_value").asText()).isEqualTo("aws");
    assertThat(metadata.get("region").get("raw_value").asText()).isEqualTo("us-east-1");
    assertThat(metadata.get("tenant_id").get("raw_value").asText()).isEqualTo("acme");
    assertThat(metadata.get("owner").get("raw_value").asText()).isEqualTo("sales-data@acme.com");
    assertThat(metadata.get("classification").get("raw_value").asText()).isEqualTo("PII,Financial");
    assertThat(metadata.has("snapshot_id")).isTrue();
    List<JsonNode> checks =
        sent.stream()
            .filter(m -> m.get("method").asText().equals("report_asset_check"))
            .map(m -> m.get("params"))
            .toList();
    assertThat(checks)
        .extracting(c -> c.get("check_name").asText())
        .contains("required_tag_CostCenter", "encryption_required_PII");
    assertThat(checks).allSatisfy(c -> assertThat(c.get("passed").asBoolean()).isTrue());
  }

  @Test
  void theContextMayComeFromAFileAndMessagesGoToStdio() throws IOException {
    Path context = dir.resolve("context.json");
    Files.writeString(context, "{\"asset_keys\": [\"lake/orders\"], \"extras\": {}}");
    Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1764084600"));
    env.put("DAGSTER_PIPES_CONTEXT", encode("{\"path\": \"" + context + "\"}"));
    env.put("DAGSTER_PIPES_MESSAGES", encode("{\"stdio\": \"stderr\"}"));

    CliRun run = CliRun.in(dir, env, "run", "--config", EXAMPLE.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("\"method\":\"report_asset_materialization\"")
        .contains("\"asset_key\":\"lake/orders\"");
  }

  @Test
  void aFailedRunClosesWithItsException() throws IOException {
    Path messages = dir.resolve("messages.jsonl");
    Path job = dir.resolve("bad.yaml");
    Files.writeString(
        job,
        "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\nasset: csv_orders\nasset_path: "
            + EXAMPLE.getParent().resolve("../../assets/csv/v1.0/orders.yaml").normalize()
            + "\nsource: {files: [missing.csv]}\n");

    CliRun run =
        CliRun.in(
            dir,
            pipesEnv("{\"data\": {\"asset_keys\": [\"acme/orders\"], \"extras\": {}}}", messages),
            "run",
            "--config",
            job.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    List<JsonNode> sent = read(messages);
    JsonNode closed = sent.get(sent.size() - 1);
    assertThat(closed.get("method").asText()).isEqualTo("closed");
    assertThat(closed.get("params").get("exception").get("message").asText())
        .contains("missing.csv");
  }

  @Test
  void withoutDagsterNothingChanges() {
    CliRun run =
        CliRun.in(
            dir, Map.of("SOURCE_DATE_EPOCH", "1764084600"), "run", "--config", EXAMPLE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("__dagster_pipes_version");
  }

  private static Map<String, String> pipesEnv(String context, Path messages) {
    Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1764084600"));
    env.put("DAGSTER_PIPES_CONTEXT", encode(context));
    env.put("DAGSTER_PIPES_MESSAGES", encode("{\"path\": \"" + messages + "\"}"));
    return env;
  }

  /** What Dagster does: JSON, zlib, base64. */
  private static String encode(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream zlib = new DeflaterOutputStream(bytes)) {
      zlib.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static List<JsonNode> read(Path messages) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(messages)) {
      lines.add(JSON.readTree(line));
    }

    return lines;
  }
}

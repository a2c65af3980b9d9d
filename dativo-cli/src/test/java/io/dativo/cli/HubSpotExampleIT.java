package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's HubSpot example (GCP, BigQuery catalog) run by the CLI against a loopback server in
 * the CRM v3 list shape, written to a local warehouse with {@code --local-warehouse} (its own
 * target, GCS and BigQuery, is not reachable here): the contacts land with the job's full tag set
 * as table properties, and the token appears nowhere.
 */
class HubSpotExampleIT {
  private static final Path JOB =
      Path.of("../examples/jobs/acme/hubspot_contacts.yaml").toAbsolutePath().normalize();
  private static final String TOKEN = "pat-na1-acme-0f0f";
  private static final int CONTACTS = 150;

  @TempDir Path workingDir;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/crm/v3/objects/contacts",
        exchange -> {
          String query = String.valueOf(exchange.getRequestURI().getQuery());
          requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + query);
          boolean authorised =
              ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
          int from =
              query.contains("after=")
                  ? Integer.parseInt(query.replaceAll(".*after=(\\d+).*", "$1"))
                  : 0;
          int to = Math.min(CONTACTS, from + 100);
          List<String> results = new ArrayList<>();
          for (int i = from + 1; i <= to; i++) {
            results.add(
                ("{\"id\":\"%d\",\"properties\":{\"email\":\"c%d@acme.example\",\"firstname\":\"F%d\","
                        + "\"lastname\":\"L%d\",\"lifecyclestage\":\"lead\",\"lastmodifieddate\":\"%s\"},"
                        + "\"createdAt\":\"%s\",\"updatedAt\":\"%s\",\"archived\":false}")
                    .formatted(
                        i,
                        i,
                        i,
                        i,
                        Instant.ofEpochSecond(1_764_000_000L + i),
                        Instant.ofEpochSecond(1_763_000_000L + i),
                        Instant.ofEpochSecond(1_764_000_000L + i)));
          }
          String paging = to < CONTACTS ? ",\"paging\":{\"next\":{\"after\":\"" + to + "\"}}" : "";
          byte[] body =
              (authorised
                      ? "{\"results\":[" + String.join(",", results) + "]" + paging + "}"
                      : "{\"status\":\"error\",\"message\":\"Authentication credentials not found\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Map<String, String> env(String token) {
    return Map.of(
        "HUBSPOT_ACCESS_TOKEN",
        token,
        "HUBSPOT_BASE_URL",
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "SOURCE_DATE_EPOCH",
        "1764084600");
  }

  @Test
  void theSeedExampleLandsItsContactsInALocalWarehouseWithTheTags() throws IOException {
    CliRun run =
        CliRun.in(
            workingDir,
            env(TOKEN),
            "run",
            "--config",
            JOB.toString(),
            "--local-warehouse",
            "warehouse");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("150 read, 150 written, 0 rejected");
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    assertThat(requests)
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(r)
                    .startsWith("Bearer " + TOKEN + " limit=100&properties=")
                    .contains("email,firstname,lastname,lifecyclestage,lastmodifieddate"));
    assertThat(workingDir.resolve("warehouse")).isDirectory();

    CliRun table =
        CliRun.in(
            workingDir,
            env(TOKEN),
            "table",
            "--config",
            JOB.toString(),
            "--local-warehouse",
            "warehouse",
            "--format",
            "json");
    assertThat(table.exitCode()).as(table.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(table.out());
    assertThat(json.get("snapshot").get("total-records").asText()).isEqualTo("150");
    JsonNode properties = json.get("properties");
    assertThat(properties.get("infrastructure.cost_center").asText()).isEqualTo("data-001");
    assertThat(properties.get("infrastructure.provider").asText()).isEqualTo("gcp");
    assertThat(properties.get("infrastructure.project_id").asText()).isEqualTo("my-gcp-project");
    assertThat(properties.get("governance.owner").asText()).isEqualTo("marketing-data@acme.com");
    assertThat(table.out()).doesNotContain(TOKEN);
  }

  @Test
  void aWrongTokenIsAClearErrorWithoutTheToken() {
    CliRun run =
        CliRun.in(
            workingDir,
            env("pat-wrong-1234"),
            "run",
            "--config",
            JOB.toString(),
            "--local-warehouse",
            "warehouse");

    assertThat(run.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
    assertThat(run.err()).contains("HubSpot").doesNotContain("pat-wrong-1234");
  }
}

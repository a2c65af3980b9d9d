package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's multi-tenant Stripe example (globex) run by the CLI against a loopback server in
 * Stripe's list shape: the rows land in a local Iceberg table with the tag set as properties, and
 * the key never reaches the output.
 */
class StripeExampleIT {
  private static final Path JOB =
      Path.of("../examples/jobs/globex/stripe_customers.yaml").toAbsolutePath().normalize();
  private static final String KEY = "sk_test_globex_4242";
  private static final int CUSTOMERS = 230;

  @TempDir Path workingDir;
  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/customers",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          String query = String.valueOf(exchange.getRequestURI().getQuery());
          int from =
              query.contains("starting_after=cus_")
                  ? Integer.parseInt(query.replaceAll(".*starting_after=cus_(\\d+).*", "$1")) + 1
                  : 1;
          int to = Math.min(CUSTOMERS, from + 99);
          List<String> data = new ArrayList<>();
          for (int i = from; i <= to; i++) {
            data.add(
                ("{\"id\":\"cus_%d\",\"object\":\"customer\",\"email\":\"c%d@globex.example\","
                        + "\"name\":\"Customer %d\",\"created\":%d,\"balance\":%d,"
                        + "\"currency\":\"usd\",\"delinquent\":false}")
                    .formatted(i, i, i, 1_700_000_000L + i, i * 100));
          }
          byte[] body =
              ("{\"object\":\"list\",\"data\":["
                      + String.join(",", data)
                      + "],\"has_more\":"
                      + (to < CUSTOMERS)
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theSeedExampleLandsItsCustomersWithTheTags() throws IOException {
    Map<String, String> env =
        Map.of(
            "STRIPE_API_KEY",
            KEY,
            "STRIPE_BASE_URL",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "SOURCE_DATE_EPOCH",
            "1764084600");

    CliRun run = CliRun.in(workingDir, env, "run", "--config", JOB.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("230 read, 230 written, 0 rejected");
    assertThat(run.out() + run.err()).doesNotContain(KEY);
    assertThat(authorizations).hasSize(3).containsOnly("Bearer " + KEY);

    CliRun table =
        CliRun.in(workingDir, env, "table", "--config", JOB.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(table.out());
    assertThat(json.get("snapshot").get("total-records").asText()).isEqualTo("230");
    JsonNode properties = json.get("properties");
    assertThat(properties.get("infrastructure.cost_center").asText()).isEqualTo("GLOBEX-DATA-002");
    assertThat(properties.get("governance.owner").asText()).isEqualTo("payments-data@acme.com");
    assertThat(table.out()).doesNotContain(KEY);
  }

  @Test
  void theQuickStartJobRunsIntoALocalWarehouseWithItsAwsTags() throws IOException {
    Path quickStart =
        Path.of("../examples/jobs/acme/stripe_customers.yaml").toAbsolutePath().normalize();
    Map<String, String> env =
        Map.of(
            "STRIPE_API_KEY",
            KEY,
            "STRIPE_BASE_URL",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "SOURCE_DATE_EPOCH",
            "1764084600");

    CliRun run =
        CliRun.in(
            workingDir, env, "run", "--config", quickStart.toString(), "--local-warehouse", "try");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("230 read, 230 written, 0 rejected");
    assertThat(run.out() + run.err()).doesNotContain(KEY);
    CliRun table =
        CliRun.in(
            workingDir,
            env,
            "table",
            "--config",
            quickStart.toString(),
            "--local-warehouse",
            "try",
            "--format",
            "json");
    JsonNode properties = new ObjectMapper().readTree(table.out()).get("properties");
    assertThat(properties.get("infrastructure.cost_center").asText()).isEqualTo("DATA-001");
    assertThat(properties.get("infrastructure.provider").asText()).isEqualTo("aws");
  }

  @Test
  void discoverListsTheFieldsWithLogicalTypes() throws IOException {
    Map<String, String> env =
        Map.of(
            "STRIPE_API_KEY",
            KEY,
            "STRIPE_BASE_URL",
            "http://127.0.0.1:" + server.getAddress().getPort());

    CliRun run =
        CliRun.in(workingDir, env, "--format", "json", "discover", "--config", JOB.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode customers = new ObjectMapper().readTree(run.out()).get("objects").get(0);
    assertThat(customers.get("name").asText()).isEqualTo("customers");
    Map<String, String> types = new java.util.LinkedHashMap<>();
    customers
        .get("fields")
        .forEach(f -> types.put(f.get("name").asText(), f.get("logicalType").asText()));
    assertThat(types)
        .containsEntry("id", "string")
        .containsEntry("created", "timestamp")
        .containsEntry("balance", "integer")
        .containsEntry("delinquent", "boolean");
  }

  @Test
  void discoverSaysPlainlyWhereItIsNotAvailable() {
    CliRun run =
        CliRun.in(
            workingDir,
            Map.of(),
            "discover",
            "--config",
            Path.of("../examples/jobs/acme/csv_orders.yaml").toAbsolutePath().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains("discover is not available for the csv source");
  }
}

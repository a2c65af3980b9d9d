package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  @TempDir Path dir;

  @Test
  void jsonEventsCarryTheirTypeAndRedactSecrets() throws Exception {
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            Map.of("DB_PASSWORD", "hunter22-secret"),
            dir,
            false);

    new EventLog(context, true)
        .event(
            "WARN",
            "infrastructure_warning",
            "connect failed for hunter22-secret",
            Map.of("tenant", "acme", "detail", "pw=hunter22-secret"));

    JsonNode event = new ObjectMapper().readTree(err.toString());
    assertThat(event.get("event_type").asText()).isEqualTo("infrastructure_warning");
    assertThat(event.get("level").asText()).isEqualTo("WARN");
    assertThat(event.get("tenant").asText()).isEqualTo("acme");
    assertThat(err.toString()).doesNotContain("hunter22").contains("****");
  }

  @Test
  void aRunWithJsonLogsEndsWithARunSummaryEvent() throws Exception {
    CliRun run =
        CliRun.in(
            dir,
            Map.of("SOURCE_DATE_EPOCH", "1764084600"),
            "--log-format",
            "json",
            "run",
            "--config",
            Path.of("../examples/jobs/acme/csv_orders.yaml")
                .toAbsolutePath()
                .normalize()
                .toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonNode summary = new ObjectMapper().readTree(last);
    assertThat(summary.get("event_type").asText()).isEqualTo("run_summary");
    assertThat(summary.get("rows_written").asLong()).isEqualTo(3000);
    assertThat(summary.get("tenant").asText()).isEqualTo("acme");
    assertThat(summary.has("run_id")).isTrue();
  }
}

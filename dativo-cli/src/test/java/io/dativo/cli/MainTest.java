package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String GOOD_JOB = "../examples/jobs/acme/stripe_customers.yaml";

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        new String[][] {
          {"check"},
          {"run"},
          {"table"},
          {"discover"},
          {"infra", "tags"},
          {"infra", "tfvars"},
          {"infra", "plan"},
          {"infra", "apply"},
          {"infra", "outputs"},
          {"infra", "validate"},
          {"infra", "apply-tags"},
          {"infra", "k8s-manifest"},
          {"dagster", "generate"}
        }) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRun run = CliRun.of(args);

      assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
      assertThat(run.out()).contains("Usage: dativo " + String.join(" ", command));
    }
  }

  @Test
  void aBadValueFoundAfterParsingIsAUsageErrorNotABug() {
    CliRun run =
        CliRun.of(
            "infra",
            "tfvars",
            "--config",
            java.nio.file.Path.of("../examples/jobs/acme/csv_orders.yaml").toString(),
            "--for",
            "foo");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err())
        .startsWith("error: Unknown --for 'foo': expected aws, gcp or azure")
        .doesNotContain("internal error");
  }

  @Test
  void printsItsVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("dativo 0.");
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("check").contains("Exit codes: 0 success");
  }

  @Test
  void anUnknownCommandIsAnArgumentErrorWithASuggestion() {
    CliRun run = CliRun.of("chek", "--config", GOOD_JOB);

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains("Unmatched argument").contains("Did you mean").contains("check");
  }

  @Test
  void aMissingConfigOptionIsAnArgumentError() {
    CliRun run = CliRun.of("check");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains("Missing required option: '--config=JOB'");
  }

  @Test
  void aMissingJobFileIsReportedWithoutAStackTrace() {
    CliRun run = CliRun.of("check", "--config", "no/such/job.yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err())
        .contains("no/such/job.yaml: Cannot read file: it does not exist")
        .doesNotContain("\tat ");
  }

  @Test
  void debugShowsTheStackTraceOfAnError() {
    CliRun run = CliRun.of("check", "--debug", "--config", "no/such/job.yaml");

    assertThat(run.err()).contains("ConfigException").contains("\tat ");
  }

  @Test
  void jsonOutputOfAValidJobIsOneDocumentOnStdout() throws Exception {
    CliRun run = CliRun.of("--format", "json", "check", "--config", GOOD_JOB);

    assertThat(run.exitCode()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("infrastructure").get("cloud").asText()).isEqualTo("aws");
    assertThat(json.get("warnings")).isNotNull();
  }

  @Test
  void runSaysPlainlyThatItIsNotAvailableYet(@TempDir Path dir) throws IOException {
    CliRun run =
        CliRun.of(
            "run",
            "--config",
            RunCommandIT.unbuiltTargetJob(dir).toString(),
            "--mode",
            "self_hosted");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains("not available in this version yet");
  }

  @Test
  void environmentVariablesFillTheJob() {
    CliRun run =
        CliRun.of(
            Map.of("EMR_CLUSTER_ID", "j-1ABCDEFGHIJK"),
            "--format",
            "json",
            "check",
            "--config",
            "../examples/jobs/acme/postgres_orders.yaml");

    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void noColorWithoutATerminalOrWithNoColorSet() {
    CliContext terminal = new CliContext(null, null, Map.of(), java.nio.file.Path.of("."), true);
    CliContext noColor =
        new CliContext(null, null, Map.of("NO_COLOR", "1"), java.nio.file.Path.of("."), true);
    CliContext pipe = new CliContext(null, null, Map.of(), java.nio.file.Path.of("."), false);

    assertThat(terminal.color()).isTrue();
    assertThat(noColor.color()).isFalse();
    assertThat(pipe.color()).isFalse();
  }
}

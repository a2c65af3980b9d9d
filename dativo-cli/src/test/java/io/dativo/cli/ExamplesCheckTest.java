package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example job passes {@code dativo check}. */
class ExamplesCheckTest {
  private static final Path EXAMPLES = Path.of("../examples/jobs");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleJobIsValid(Path job) {
    CliRun run = CliRun.of("check", "--config", job.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("valid: ");
    if (job.getFileName().toString().equals("hubspot_contacts.yaml")) {
      // Seed 002's BigQuery catalog: valid, but not something this version's run can open.
      assertThat(run.err())
          .isEqualTo(
              "warning: dativo run cannot open a bigquery catalog in this version (available:"
                  + " local, hadoop, jdbc, rest, glue, nessie); --local-warehouse DIR runs the job into a"
                  + " local catalog\n");
    } else {
      assertThat(run.err()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleJobIsValidAsJson(Path job) {
    CliRun run = CliRun.of("check", "--format", "json", "--config", job.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"valid\" : true").contains("\"tenant_id\"");
  }
}

package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken config under {@code src/test/resources/bad/} names its expected message in its first
 * line ({@code # expect: ...}); {@code dativo check} must print it, exit 2, and show no stack
 * trace.
 */
class BadConfigCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void corpusHasAtLeastTwentyBrokenConfigs() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void brokenConfigGetsItsMessageAndExitCodeTwo(Path file) throws IOException {
    String expected = expectation(file);

    CliRun run = CliRun.of("check", "--config", file.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains(expected);
    assertThat(run.err())
        .contains(file.getFileName().toString().equals("empty-file.yaml") ? "empty" : ":");
    assertThat(run.err() + run.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void brokenConfigIsReportedAsJsonToo(Path file) {
    CliRun run = CliRun.of("check", "--format", "json", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.out()).contains("\"valid\" : false").contains("\"problems\"");
  }

  private static String expectation(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0)).startsWith("# expect: ");
    return lines.get(0).substring("# expect: ".length());
  }
}

package io.dativo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv connector's options are checked where they are written, line and key named. */
class CsvSourceOptionsTest {
  private static final String JOB_HEAD =
      "tenant_id: acme\nenvironment: prod\nsource_connector: %s\ntarget_connector: iceberg\n"
          + "asset: orders\nsource:\n  files: [a.csv]\n";

  @TempDir Path dir;

  @Test
  void aMistypedOptionIsNamedWithASuggestion() {
    Problems problems = load("csv", "  options:\n    delimter: \";\"\n");

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("source.options.delimter");
              assertThat(p.location().line()).isEqualTo(9);
              assertThat(p.message()).contains("unknown key");
              assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("'delimiter'"));
            });
  }

  @Test
  void anUnknownChecksumIsAnErrorOnItsLine() {
    Problems problems = load("csv", "  options:\n    header: true\n    checksum: md5\n");

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("source.options.checksum");
              assertThat(p.location().line()).isEqualTo(10);
              assertThat(p.message()).isEqualTo("unknown checksum 'md5': expected crc or sha256");
              assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("sha256sum"));
            });
  }

  @Test
  void knownOptionsPassAndOtherConnectorsKeepTheirOwn() {
    assertThat(
            load("csv", "  options: {delimiter: \";\", quote: \"'\", checksum: SHA-256}\n")
                .errors())
        .isEmpty();
    assertThat(load("postgres", "  options: {fetch_size: 1000}\n").errors()).isEmpty();
  }

  private Problems load(String connector, String options) {
    Path file = TestFiles.write(dir, "job.yaml", JOB_HEAD.formatted(connector) + options);
    Problems problems = new Problems();
    new JobConfigLoader(Map.of()).load(file, problems);
    return problems;
  }
}

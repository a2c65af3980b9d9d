package io.dativo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job target keys that `run` does not act on are never ignored silently. */
class JobTargetSettingsTest {
  private static final String JOB_HEAD =
      "tenant_id: acme\nenvironment: prod\nsource_connector: csv\ntarget_connector: iceberg\nasset: orders\n";

  @TempDir Path dir;

  @Test
  void aFormatOtherThanParquetIsAnErrorOnItsLine() {
    Problems problems = load("target:\n  warehouse: wh\n  file_format: orc\n");

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("target.file_format");
              assertThat(p.location().line()).isEqualTo(8);
              assertThat(p.message()).contains("unsupported file_format 'orc'");
            });
  }

  @Test
  void settingsWithoutEffectAreWarnedAboutWithTheReason() {
    Problems problems =
        load("target:\n  file_format: parquet\n  mode: overwrite\n  partitioning: [region]\n");

    assertThat(problems.errors()).isEmpty();
    assertThat(problems.warnings())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder("target.mode", "target.partitioning");
    assertThat(problems.warnings())
        .filteredOn(p -> p.path().equals("target.partitioning"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).isEqualTo("has no effect on dativo run");
              assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("asset"));
            });
  }

  @Test
  void aBranchMustBeAName() {
    Problems list = load("target:\n  branch: [a, b]\n");
    Problems blank = load("target:\n  branch: \"\"\n");

    assertThat(list.errors())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("expected a string"));
    assertThat(blank.errors())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("empty"));
  }

  @Test
  void aCatalogWithAServerNeedsItsUri() {
    Problems nessie = load("target:\n  catalog: {type: nessie, branch: main}\n");
    Problems named = load("target:\n  catalog: local\n");
    Problems namedNessie = load("target:\n  catalog: nessie\n");
    Problems withUri =
        load("target:\n  catalog: {type: rest, uri: \"https://catalog.internal\"}\n");

    assertThat(nessie.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("target.catalog");
              assertThat(p.message()).isEqualTo("a nessie catalog needs target.catalog.uri");
              assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("/api/v2"));
            });
    assertThat(named.errors()).isEmpty();
    assertThat(namedNessie.errors())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.hint())
                    .hasValueSatisfying(h -> assertThat(h).contains("{type: nessie, uri:")));
    assertThat(withUri.errors()).isEmpty();
  }

  private Problems load(String target) {
    Path file = TestFiles.write(dir, "job.yaml", JOB_HEAD + target);
    Problems problems = new Problems();
    new JobConfigLoader(Map.of()).load(file, problems);
    return problems;
  }
}

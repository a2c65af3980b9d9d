package io.dativo.core.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobConfigLoader;
import io.dativo.core.config.Problems;
import io.dativo.core.config.TestFiles;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.AssetLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Loads jobs and assets written inline in tests. */
final class TagFixtures {
  static final Instant NOW = Instant.parse("2025-11-25T15:30:00Z");
  static final String JOB_HEAD =
      "tenant_id: acme\nenvironment: prod\nsource_connector: postgres\ntarget_connector: iceberg\nasset: orders\n";

  private TagFixtures() {}

  static JobConfig job(Path dir, String yaml) {
    Problems problems = new Problems();
    Optional<JobConfig> job =
        new JobConfigLoader(Map.of()).load(TestFiles.write(dir, "job.yaml", yaml), problems);
    assertThat(problems.errors()).isEmpty();
    return job.orElseThrow();
  }

  static AssetDefinition asset(Path dir, String yaml) {
    return new AssetLoader(Map.of())
        .load(TestFiles.write(dir, "asset.yaml", yaml), Optional.of("orders"));
  }

  static TagSet tags(JobConfig job, AssetDefinition asset) {
    return TagDeriver.derive(TagInputs.of(job, Optional.ofNullable(asset), NOW));
  }

  static TagSet tags(Path dir, String jobYaml, String assetYaml) {
    return tags(job(dir, jobYaml), assetYaml == null ? null : asset(dir, assetYaml));
  }
}

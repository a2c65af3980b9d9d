package io.dativo.core.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobConfigLoader;
import io.dativo.core.config.Problems;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.AssetLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seed 000's "Example: Complete Tag Set": its input gives its output, key for key. */
class SeedExampleGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/seed000");

  @Test
  void seedExampleGivesTheCompleteTagSet() throws IOException {
    Map<String, String> expected =
        new ObjectMapper()
            .readValue(
                DIR.resolve("expected-tags.json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() {});

    TagSet tags = derive();

    assertThat(tags.values()).isEqualTo(expected);
  }

  @Test
  void seedExampleKeepsTheSeedsKeyOrder() throws IOException {
    Map<String, String> expected =
        new ObjectMapper()
            .readValue(
                DIR.resolve("expected-tags.json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() {});

    assertThat(List.copyOf(derive().values().keySet())).isEqualTo(List.copyOf(expected.keySet()));
  }

  @Test
  void everyTagOfTheSeedExampleKnowsItsSource() {
    TagSet tags = derive();

    assertThat(tags.tag("TenantId").orElseThrow().source()).isEqualTo(TagSource.IDENTITY);
    assertThat(tags.tag("Owner").orElseThrow().origin().path()).isEqualTo("team.owner");
    assertThat(tags.tag("CustomTag").orElseThrow().origin().describe())
        .contains("job.yaml:21:18 infrastructure.metadata.tags.CustomTag");
    ResolvedTag costCenter = tags.tag("CostCenter").orElseThrow();
    assertThat(costCenter.source()).isEqualTo(TagSource.JOB_FINOPS);
    assertThat(costCenter.overrode())
        .extracting(o -> o.origin().source())
        .containsExactly(TagSource.ASSET_FINOPS);
  }

  private static TagSet derive() {
    Problems problems = new Problems();
    JobConfig job =
        new JobConfigLoader(Map.of()).load(DIR.resolve("job.yaml"), problems).orElseThrow();
    AssetDefinition asset =
        new AssetLoader(Map.of()).load(DIR.resolve("asset.yaml"), Optional.of(job.asset()));
    assertThat(problems.errors()).isEmpty();
    return TagDeriver.derive(TagInputs.of(job, Optional.of(asset), TagFixtures.NOW));
  }
}

package io.dativo.core.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobConfigLoader;
import io.dativo.core.config.OverflowPolicy;
import io.dativo.core.config.Problems;
import io.dativo.core.config.TestFiles;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.TagSet;
import io.dativo.core.tags.rules.GcpLabelRules;
import io.dativo.core.tags.rules.TagRenderers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 000's cloud-agnostic job: platform emr and platform gke give equivalent plans. */
class CloudAgnosticPlanTest {
  private static final String JOB =
      """
      tenant_id: acme
      environment: prod
      source_connector: postgres
      target_connector: iceberg
      asset: orders
      finops: {cost_center: data-engineering, project: customer-analytics}
      infrastructure:
        provider: terraform
        runtime:
          platform: ${CLOUD_PLATFORM}
          compute:
            cluster_id: ${CLUSTER_ID}
            instance_type: ${INSTANCE_TYPE}
          storage:
            bucket: ${DATA_BUCKET}
        metadata:
          tags:
            CostCenter: data-engineering
      """;

  @TempDir Path dir;

  @Test
  void emrAndGkeGiveTheSameResourcesAndTheSameTags() {
    JobConfig aws =
        load(
            Map.of(
                "CLOUD_PLATFORM",
                "emr",
                "CLUSTER_ID",
                "j-2AXXXXXXGAPLF",
                "INSTANCE_TYPE",
                "r5.2xlarge",
                "DATA_BUCKET",
                "s3://acme-data-lake"));
    JobConfig gcp =
        load(
            Map.of(
                "CLOUD_PLATFORM",
                "gke",
                "CLUSTER_ID",
                "acme-dativo",
                "INSTANCE_TYPE",
                "n2-standard-4",
                "DATA_BUCKET",
                "gs://acme-data-lake"));

    assertThat(JobResources.of(aws))
        .extracting(ResourceRef::type)
        .containsExactly("emr_cluster", "s3_bucket");
    assertThat(JobResources.of(gcp))
        .extracting(ResourceRef::type)
        .containsExactly("gke_cluster", "gcs_bucket");

    Map<String, String> awsTags = render(aws, "aws");
    Map<String, String> gcpLabels = render(gcp, "gcp");
    // every AWS tag has its GCP label; only the platform differs
    assertThat(gcpLabels.keySet())
        .containsExactlyInAnyOrderElementsOf(
            awsTags.keySet().stream().map(GcpLabelRules::toLabelKey).toList());
    awsTags.forEach(
        (key, value) -> {
          String label = gcpLabels.get(GcpLabelRules.toLabelKey(key));
          if (!key.equals("Platform")) {
            assertThat(label)
                .as(key)
                .isEqualTo(
                    new GcpLabelRules()
                        .render(tagSet(key, value), OverflowPolicy.ERROR)
                        .values()
                        .values()
                        .iterator()
                        .next());
          }
        });
    assertThat(awsTags).containsEntry("Platform", "emr");
    assertThat(gcpLabels).containsEntry("platform", "gke");

    List<ResourceTagPlan> awsPlan =
        JobResources.of(aws).stream().map(r -> TagPlanner.plan(r, Map.of(), awsTags)).toList();
    List<ResourceTagPlan> gcpPlan =
        JobResources.of(gcp).stream()
            .map(r -> TagPlanner.plan(r, Map.of(), gcpLabels, "last_modified"))
            .toList();
    assertThat(awsPlan)
        .extracting(p -> p.added().size())
        .isEqualTo(gcpPlan.stream().map(p -> p.added().size()).toList());
  }

  private static TagSet tagSet(String key, String value) {
    return new TagSet(
        Map.of(
            key,
            io.dativo.core.tags.ResolvedTag.of(
                key,
                value,
                io.dativo.core.tags.TagOrigin.of(io.dativo.core.tags.TagSource.JOB_FINOPS, "x"))));
  }

  private Map<String, String> render(JobConfig job, String target) {
    TagInputs inputs = TagInputs.of(job, Optional.empty(), Instant.parse("2025-11-25T15:30:00Z"));
    return TagRenderers.render(target, inputs, TagDeriver.derive(inputs), OverflowPolicy.ERROR)
        .values();
  }

  private JobConfig load(Map<String, String> env) {
    Problems problems = new Problems();
    JobConfig job =
        new JobConfigLoader(env)
            .load(TestFiles.write(dir, "job-" + env.get("CLOUD_PLATFORM") + ".yaml", JOB), problems)
            .orElseThrow();
    assertThat(problems.errors()).isEmpty();
    return job;
  }
}

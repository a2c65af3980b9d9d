package io.dativo.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.JobResources;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobConfigLoader;
import io.dativo.core.config.Problems;
import io.dativo.core.config.TestFiles;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.rules.TagRenderException;
import io.dativo.core.tags.rules.TagRenderers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BigQuery datasets through the real provider and the real google-cloud-bigquery client, against a
 * loopback stand-in of the datasets API that enforces the etag precondition.
 */
class BigQueryDatasetsTest {
  private static final String PROJECT = "my-gcp-project";
  private static final String DATASET = "acme_iceberg_prod";

  private static final String JOB =
      """
      tenant_id: acme
      environment: prod
      source_connector: postgres
      target_connector: iceberg
      asset: orders
      finops: {cost_center: data-001}
      infrastructure:
        provider:
          provider: gcp
          region: us-central1
          project_id: my-gcp-project
          resources:
            - resource_type: bigquery_dataset
              resource_id: "my-gcp-project.acme_iceberg_prod"
      %s
      """;

  @TempDir Path dir;

  @Test
  void renderedLabelsMergeWithForeignOnesAndASecondRunWritesNothing() {
    JobConfig job = load(JOB.formatted(""));
    try (BigQueryStandIn bq = standIn();
        CloudProvider gcp = provider(job, bq)) {
      Map<String, String> labels = render(job, "2025-11-25T15:30:00Z");
      List<ResourceRef> resources = JobResources.of(job);

      List<ResourceTagPlan> applied = gcp.apply(gcp.plan(resources, labels));

      assertThat(applied)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UPDATE);
      // the provider received the labels as rendered for gcp, and they landed on the dataset
      assertThat(bq.dataset(PROJECT, DATASET).labels)
          .containsAllEntriesOf(labels)
          .containsEntry("team", "platform")
          .containsEntry("tenant_id", "acme")
          .containsEntry("cost_center", "data-001");
      assertThat(bq.patches)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.ifMatch()).contains("etag-1");
                // labels only: nothing else about the dataset is sent back
                assertThat(p.fields()).containsExactly("datasetReference", "labels");
                assertThat(p.status()).isEqualTo(200);
              });

      List<ResourceTagPlan> again =
          gcp.apply(gcp.plan(resources, render(job, "2026-01-01T00:00:00Z")));

      assertThat(again)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UNCHANGED);
      assertThat(bq.patches).hasSize(1);
    }
  }

  @Test
  void aConcurrentChangeBetweenReadAndWriteIsNotOverwritten() {
    JobConfig job = load(JOB.formatted(""));
    try (BigQueryStandIn bq = standIn();
        CloudProvider gcp = provider(job, bq)) {
      List<ResourceTagPlan> plan =
          gcp.plan(JobResources.of(job), render(job, "2025-11-25T15:30:00Z"));
      bq.beforeNextPatch =
          () -> {
            BigQueryStandIn.DatasetState dataset = bq.dataset(PROJECT, DATASET);
            dataset.labels.put("added_meanwhile", "yes");
            dataset.generation++;
          };

      List<ResourceTagPlan> applied = gcp.apply(plan);

      assertThat(applied)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UPDATE);
      assertThat(bq.patches).extracting(BigQueryStandIn.Patch::status).containsExactly(412, 200);
      assertThat(bq.patches.get(1).ifMatch()).contains("etag-2");
      // the label added between Dativo's read and write survives next to Dativo's
      assertThat(bq.dataset(PROJECT, DATASET).labels)
          .containsEntry("added_meanwhile", "yes")
          .containsEntry("team", "platform")
          .containsEntry("tenant_id", "acme")
          .containsEntry("cost_center", "data-001");
    }
  }

  @Test
  void validationFindsMissingDatasetsOtherProjectsAndOtherRegions() {
    JobConfig job = load(JOB.formatted(""));
    try (BigQueryStandIn bq = standIn();
        CloudProvider gcp = provider(job, bq)) {
      bq.dataset("other-project", "theirs");
      bq.dataset(PROJECT, "in_europe").location = "europe-west1";
      bq.dataset(PROJECT, "multi_region").location = "US";

      List<ValidationResult> results =
          gcp.validate(
              job.infrastructure().orElseThrow(),
              List.of(
                  dataset(PROJECT + "." + DATASET),
                  dataset(PROJECT + ":nope"),
                  dataset("other-project.theirs"),
                  dataset(PROJECT + ".in_europe"),
                  dataset(PROJECT + ".multi_region")),
              "acme");

      assertThat(results)
          .extracting(r -> r.status().id())
          .containsExactly("ok", "missing", "mismatch", "mismatch", "ok");
      assertThat(results.get(2).reason())
          .isEqualTo("dataset of project other-project, the job's project is my-gcp-project");
      assertThat(results.get(3).reason())
          .isEqualTo("dataset is in europe-west1, the job says us-central1");
    }
  }

  @Test
  void labelsThatCollideAfterConversionAreReportedBeforeAnyProviderCall() {
    JobConfig job =
        load(
            JOB.formatted(
                """
                  tags:
                    Owner@Team: analytics
                    Owner_Team: finance
                """));

    assertThatThrownBy(() -> render(job, "2025-11-25T15:30:00Z"))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("Cannot render tags for gcp")
        .hasMessageContaining("tags Owner@Team and OwnerTeam both become gcp key 'owner_team'");
  }

  private static ResourceRef dataset(String id) {
    return new ResourceRef("bigquery_dataset", id, Optional.of("us-central1"), "test");
  }

  private static BigQueryStandIn standIn() {
    BigQueryStandIn bq = new BigQueryStandIn();
    bq.dataset(PROJECT, DATASET).labels.put("team", "platform");
    return bq;
  }

  private static CloudProvider provider(JobConfig job, BigQueryStandIn bq) {
    return new GcpCloudProviderFactory()
        .create(
            job.infrastructure().orElseThrow(),
            Map.of("GOOGLE_BIGQUERY_CUSTOM_ENDPOINT", bq.endpoint()));
  }

  /** The job's labels as apply-tags renders them for GCP. */
  private static Map<String, String> render(JobConfig job, String now) {
    TagInputs inputs = TagInputs.of(job, Optional.empty(), Instant.parse(now));
    return TagRenderers.render("gcp", inputs, TagDeriver.derive(inputs), job.tagOverflow())
        .values();
  }

  private JobConfig load(String yaml) {
    Problems problems = new Problems();
    JobConfig job =
        new JobConfigLoader(Map.of())
            .load(TestFiles.write(dir, "job.yaml", yaml), problems)
            .orElseThrow();
    assertThat(problems.errors()).isEmpty();
    return job;
  }
}

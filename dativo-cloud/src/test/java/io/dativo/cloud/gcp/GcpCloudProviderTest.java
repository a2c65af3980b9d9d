package io.dativo.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.config.infra.Infrastructure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real GCS client against a loopback stand-in that enforces metageneration preconditions. */
class GcpCloudProviderTest {
  private static final ResourceRef BUCKET =
      new ResourceRef("gcs_bucket", "gs://acme-dativo-lake", Optional.of("us-central1"), "test");
  private static final Map<String, String> LABELS =
      Map.of(
          "tenant_id", "acme", "cost_center", "data-001", "last_modified", "2025-11-25t15_30_00z");

  @Test
  void labelsMergeWithOthersAndASecondRunWritesNothing() {
    try (GcsStandIn gcs = standIn();
        CloudProvider gcp = provider(gcs)) {
      List<ResourceTagPlan> applied = gcp.apply(gcp.plan(List.of(BUCKET), LABELS));

      assertThat(applied)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UPDATE);
      assertThat(gcs.buckets.get("acme-dativo-lake").labels)
          .containsEntry("team", "platform")
          .containsEntry("tenant_id", "acme")
          .containsEntry("cost_center", "data-001");

      List<ResourceTagPlan> again =
          gcp.plan(
              List.of(BUCKET),
              Map.of(
                  "tenant_id",
                  "acme",
                  "cost_center",
                  "data-001",
                  "last_modified",
                  "2026-01-01t00_00_00z"));
      assertThat(again)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UNCHANGED);
      assertThat(gcs.patches).isEqualTo(1);
    }
  }

  @Test
  void aConcurrentChangeIsNotOverwrittenAndTheChangeIsRetried() {
    try (GcsStandIn gcs = standIn();
        CloudProvider gcp = provider(gcs)) {
      List<ResourceTagPlan> plan = gcp.plan(List.of(BUCKET), LABELS);
      gcs.beforeNextPatch =
          () -> {
            GcsStandIn.BucketState bucket = gcs.buckets.get("acme-dativo-lake");
            bucket.labels.put("added_meanwhile", "yes");
            bucket.metageneration++;
          };

      List<ResourceTagPlan> applied = gcp.apply(plan);

      assertThat(applied)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UPDATE);
      assertThat(gcs.patches).isEqualTo(2);
      assertThat(gcs.buckets.get("acme-dativo-lake").labels)
          .containsEntry("added_meanwhile", "yes")
          .containsEntry("team", "platform")
          .containsEntry("tenant_id", "acme");
    }
  }

  @Test
  void serviceAccountsAreValidatedButCarryNoLabels() {
    try (GcsStandIn gcs = standIn();
        CloudProvider gcp = provider(gcs)) {
      ResourceRef account =
          new ResourceRef(
              "service_account",
              "etl@other-project.iam.gserviceaccount.com",
              Optional.empty(),
              "test");

      assertThat(gcp.plan(List.of(account), LABELS))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.action()).isEqualTo(ResourceTagPlan.Action.UNCHANGED);
                assertThat(p.error()).contains("service accounts carry no labels: validated only");
              });
      assertThat(
              gcp.validate(
                  infrastructure(),
                  List.of(
                      account,
                      BUCKET,
                      new ResourceRef("gcs_bucket", "gs://nope", Optional.empty(), "t")),
                  "acme"))
          .extracting(r -> r.status().id())
          .containsExactly("mismatch", "ok", "missing");
    }
  }

  @Test
  void serviceAccountsAreLookedUpInIam() {
    try (io.dativo.cloud.LoopbackHttpServer iam =
            new io.dativo.cloud.LoopbackHttpServer(
                request -> {
                  String path = request.uri().getPath();
                  if (path.endsWith("/etl@my-gcp-project.iam.gserviceaccount.com")) {
                    return io.dativo.cloud.LoopbackHttpServer.Response.json(
                        200,
                        "{\"email\":\"etl@my-gcp-project.iam.gserviceaccount.com\",\"projectId\":\"my-gcp-project\"}");
                  }
                  if (path.endsWith("/old@my-gcp-project.iam.gserviceaccount.com")) {
                    return io.dativo.cloud.LoopbackHttpServer.Response.json(
                        200,
                        "{\"email\":\"old@my-gcp-project.iam.gserviceaccount.com\",\"disabled\":true}");
                  }
                  return io.dativo.cloud.LoopbackHttpServer.Response.json(
                      404,
                      "{\"error\":{\"code\":404,\"message\":\"Service account not found\",\"status\":\"NOT_FOUND\"}}");
                });
        CloudProvider gcp =
            new GcpCloudProviderFactory()
                .create(infrastructure(), Map.of("GOOGLE_IAM_CUSTOM_ENDPOINT", iam.endpoint()))) {
      var results =
          gcp.validate(
              infrastructure(),
              List.of(
                  account("etl@my-gcp-project.iam.gserviceaccount.com"),
                  account("gone@my-gcp-project.iam.gserviceaccount.com"),
                  account("old@my-gcp-project.iam.gserviceaccount.com")),
              "acme");

      assertThat(results)
          .extracting(r -> r.status().id())
          .containsExactly("ok", "missing", "mismatch");
      assertThat(results.get(1).reason()).contains("Service account not found");
      assertThat(results.get(2).reason()).contains("disabled");
      assertThat(iam.requests())
          .extracting(r -> r.uri().getPath())
          .contains("/v1/projects/-/serviceAccounts/etl@my-gcp-project.iam.gserviceaccount.com");
    }
  }

  private static ResourceRef account(String email) {
    return new ResourceRef("service_account", email, Optional.empty(), "test");
  }

  private static GcsStandIn standIn() {
    GcsStandIn gcs = new GcsStandIn();
    GcsStandIn.BucketState bucket = new GcsStandIn.BucketState();
    bucket.labels.put("team", "platform");
    gcs.buckets.put("acme-dativo-lake", bucket);
    return gcs;
  }

  private static CloudProvider provider(GcsStandIn gcs) {
    return new GcpCloudProviderFactory()
        .create(infrastructure(), Map.of("GOOGLE_STORAGE_CUSTOM_ENDPOINT", gcs.endpoint()));
  }

  /** A GCP job's infrastructure: project my-gcp-project, region us-central1. */
  static Infrastructure infrastructure() {
    return new Infrastructure(
        Optional.of("terraform"),
        Optional.of(io.dativo.core.config.infra.Cloud.GCP),
        io.dativo.core.config.infra.CloudOrigin.DECLARED,
        Optional.of("us-central1"),
        Optional.empty(),
        Optional.of("my-gcp-project"),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        io.dativo.core.config.infra.InfraTags.NONE,
        io.dativo.core.config.infra.InfraMetadata.NONE,
        Map.of(),
        java.util.Set.of());
  }
}

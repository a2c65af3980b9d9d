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

/**
 * The real GKE and Compute clients (HTTP/JSON transport) against a loopback stand-in that enforces
 * GKE's label fingerprint: labels merge with others', a concurrent change is not overwritten, a
 * second run writes nothing; networks are validated and said to carry no labels.
 */
class GkeAndNetworksTest {
  private static final String CLUSTER =
      "projects/my-gcp-project/locations/us-central1/clusters/etl";
  private static final ResourceRef GKE =
      new ResourceRef("gke_cluster", "etl", Optional.of("us-central1"), "test");
  private static final Map<String, String> LABELS =
      Map.of(
          "tenant_id", "acme", "cost_center", "data-001", "last_modified", "2025-11-25t15_30_00z");

  @Test
  void clusterLabelsMergeWithOthersAndASecondRunWritesNothing() {
    try (GkeComputeStandIn gke = standIn();
        CloudProvider gcp = provider(gke)) {
      List<ResourceTagPlan> applied = gcp.apply(gcp.plan(List.of(GKE), LABELS));

      assertThat(applied)
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.action())
                      .as(p.error().orElse(""))
                      .isEqualTo(ResourceTagPlan.Action.UPDATE));
      assertThat(gke.clusters.get(CLUSTER).labels)
          .containsEntry("team", "platform")
          .containsEntry("tenant_id", "acme")
          .containsEntry("cost_center", "data-001");
      assertThat(gke.labelWrites).isEqualTo(1);

      List<ResourceTagPlan> again =
          gcp.apply(
              gcp.plan(
                  List.of(GKE),
                  Map.of(
                      "tenant_id",
                      "acme",
                      "cost_center",
                      "data-001",
                      "last_modified",
                      "2026-01-01t00_00_00z")));
      assertThat(again)
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(ResourceTagPlan.Action.UNCHANGED);
      assertThat(gke.labelWrites).isEqualTo(1);
    }
  }

  @Test
  void aConcurrentLabelChangeIsNotOverwrittenAndTheChangeIsRetried() {
    try (GkeComputeStandIn gke = standIn();
        CloudProvider gcp = provider(gke)) {
      List<ResourceTagPlan> plan = gcp.plan(List.of(GKE), LABELS);
      gke.beforeNextSetLabels =
          () -> {
            GkeComputeStandIn.ClusterState cluster = gke.clusters.get(CLUSTER);
            cluster.labels.put("added_meanwhile", "yes");
            cluster.fingerprint++;
          };

      List<ResourceTagPlan> applied = gcp.apply(plan);

      assertThat(applied)
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.action())
                      .as(p.error().orElse(""))
                      .isEqualTo(ResourceTagPlan.Action.UPDATE));
      assertThat(gke.labelWrites).isEqualTo(2);
      assertThat(gke.clusters.get(CLUSTER).labels)
          .containsEntry("added_meanwhile", "yes")
          .containsEntry("team", "platform")
          .containsEntry("tenant_id", "acme");
    }
  }

  @Test
  void clustersAndNetworksAreValidated() {
    try (GkeComputeStandIn gke = standIn();
        CloudProvider gcp = provider(gke)) {
      gke.clusters.put(
          "projects/my-gcp-project/locations/europe-west1/clusters/far",
          new GkeComputeStandIn.ClusterState());
      gke.clusters.get("projects/my-gcp-project/locations/europe-west1/clusters/far").location =
          "europe-west1";
      GkeComputeStandIn.ClusterState stopping = new GkeComputeStandIn.ClusterState();
      stopping.status = "STOPPING";
      gke.clusters.put("projects/my-gcp-project/locations/us-central1/clusters/old", stopping);

      var results =
          gcp.validate(
              infrastructure(),
              List.of(
                  GKE,
                  new ResourceRef("gke_cluster", "missing", Optional.of("us-central1"), "t"),
                  new ResourceRef(
                      "gke_cluster",
                      "projects/my-gcp-project/locations/europe-west1/clusters/far",
                      Optional.of("us-central1"),
                      "t"),
                  new ResourceRef("gke_cluster", "old", Optional.of("us-central1"), "t"),
                  new ResourceRef(
                      "gke_cluster",
                      "projects/other-project/locations/us-central1/clusters/etl",
                      Optional.of("us-central1"),
                      "t"),
                  new ResourceRef("network", "acme-vpc", Optional.of("us-central1"), "t"),
                  new ResourceRef("subnetwork", "acme-etl", Optional.of("us-central1"), "t"),
                  new ResourceRef("network", "nope", Optional.of("us-central1"), "t"),
                  new ResourceRef(
                      "subnetwork",
                      "projects/my-gcp-project/regions/europe-west1/subnetworks/acme-etl",
                      Optional.of("us-central1"),
                      "t")),
              "acme");

      assertThat(results)
          .extracting(r -> r.status().id())
          .containsExactly(
              "ok",
              "missing",
              "mismatch",
              "mismatch",
              "mismatch",
              "ok",
              "ok",
              "missing",
              "mismatch");
      assertThat(results.get(2).reason()).contains("cluster is in europe-west1");
      assertThat(results.get(3).reason()).contains("STOPPING");
      assertThat(results.get(4).reason()).contains("other-project");
      assertThat(results.get(6).reason()).contains("10.0.0.0/24");

      assertThat(
              gcp.plan(
                  List.of(new ResourceRef("network", "acme-vpc", Optional.empty(), "t")), LABELS))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.action()).isEqualTo(ResourceTagPlan.Action.UNCHANGED);
                assertThat(p.error()).contains("networks carry no labels: validated only");
              });
    }
  }

  private static GkeComputeStandIn standIn() {
    GkeComputeStandIn gke = new GkeComputeStandIn();
    GkeComputeStandIn.ClusterState cluster = new GkeComputeStandIn.ClusterState();
    cluster.labels.put("team", "platform");
    gke.clusters.put(CLUSTER, cluster);
    gke.networks.put("projects/my-gcp-project/global/networks/acme-vpc", "");
    gke.networks.put(
        "projects/my-gcp-project/regions/us-central1/subnetworks/acme-etl", "10.0.0.0/24");
    return gke;
  }

  private static CloudProvider provider(GkeComputeStandIn gke) {
    return new GcpCloudProviderFactory()
        .create(
            infrastructure(),
            Map.of(
                "GOOGLE_CONTAINER_CUSTOM_ENDPOINT",
                gke.endpoint(),
                "GOOGLE_COMPUTE_CUSTOM_ENDPOINT",
                gke.endpoint()));
  }

  private static Infrastructure infrastructure() {
    return GcpCloudProviderTest.infrastructure();
  }
}

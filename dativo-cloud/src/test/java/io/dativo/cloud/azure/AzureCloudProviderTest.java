package io.dativo.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.cloud.CountsApiCalls;
import io.dativo.core.cloud.JobResources;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.cloud.ResourceTagPlan.Action;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.CloudOrigin;
import io.dativo.core.config.infra.InfraMetadata;
import io.dativo.core.config.infra.InfraTags;
import io.dativo.core.config.infra.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Azure SDK against {@link AzureArmStandIn}, through the factory. */
class AzureCloudProviderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUB = "00000000-0000-0000-0000-000000000000";
  private static final String RG = "/subscriptions/" + SUB + "/resourceGroups/acme-data/providers/";
  private static final String STORAGE = RG + "Microsoft.Storage/storageAccounts/acmedatiostore";
  private static final String IDENTITY =
      RG + "Microsoft.ManagedIdentity/userAssignedIdentities/acme-dativo-etl";
  private static final String TOKEN = "eyJ0eXAi.secret-test-token.sig";
  private static final ArmRetry QUICK =
      new ArmRetry(3, Duration.ofMillis(5), Duration.ofMillis(50));

  private static final Map<String, String> WANTED =
      Map.of(
          "CostCenter", "DATA-001",
          "TenantId", "acme",
          "ManagedBy", "dativo",
          "LastModified", "2025-11-25T15:30:00Z");

  @Test
  void tagsOthersSetSurviveAndOnlyChangedKeysAreMerged() throws Exception {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = provider(arm)) {
      List<ResourceTagPlan> applied = azure.apply(azure.plan(refs(STORAGE, IDENTITY), WANTED));

      assertThat(applied).extracting(ResourceTagPlan::action).containsOnly(Action.UPDATE);
      assertThat(applied.get(0).changed()).containsOnlyKeys("CostCenter", "LastModified");
      assertThat(applied.get(0).added()).containsOnlyKeys("TenantId", "ManagedBy");
      assertThat(arm.resource(STORAGE).tags)
          .containsEntry("team", "platform")
          .containsEntry("owner", "someone-else")
          .containsEntry("CostCenter", "DATA-001")
          .containsEntry("TenantId", "acme")
          .containsEntry("ManagedBy", "dativo")
          .containsEntry("LastModified", "2025-11-25T15:30:00Z");
      assertThat(arm.resource(IDENTITY).tags).containsAllEntriesOf(WANTED);

      List<String> patches = arm.tagPatches();
      assertThat(patches).hasSize(2);
      JsonNode storagePatch = JSON.readTree(patches.get(0));
      assertThat(storagePatch.path("operation").asText()).isEqualTo("Merge");
      assertThat(fieldNames(storagePatch.path("properties").path("tags")))
          .containsExactlyInAnyOrder("CostCenter", "TenantId", "ManagedBy", "LastModified");
      assertThat(arm.requests())
          .extracting(LoopbackHttpServer.Request::method)
          .containsOnly("GET", "PATCH");
      assertThat(arm.requests())
          .filteredOn(r -> r.method().equals("PATCH"))
          .allSatisfy(
              r ->
                  assertThat(r.uri().getPath())
                      .endsWith("/providers/Microsoft.Resources/tags/default"));
    }
  }

  @Test
  void aSecondRunPlansAndWritesNothing() {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = provider(arm)) {
      azure.apply(azure.plan(refs(STORAGE, IDENTITY), WANTED));
      int patches = arm.tagPatches().size();

      Map<String, String> later = new HashMap<>(WANTED);
      later.put("LastModified", "2026-01-01T00:00:00Z");
      List<ResourceTagPlan> again = azure.apply(azure.plan(refs(STORAGE, IDENTITY), later));

      assertThat(again).extracting(ResourceTagPlan::action).containsOnly(Action.UNCHANGED);
      assertThat(arm.tagPatches()).hasSize(patches);
      assertThat(arm.resource(STORAGE).tags).containsEntry("LastModified", "2025-11-25T15:30:00Z");
    }
  }

  @Test
  void tagNamesDifferingOnlyInCaseAreTheSameTag() {
    try (AzureArmStandIn arm = new AzureArmStandIn();
        CloudProvider azure = provider(arm)) {
      arm.add(
          STORAGE,
          "eastus",
          Map.of(
              "costcenter",
              "DATA-001",
              "tenantid",
              "acme",
              "managedby",
              "dativo",
              "lastmodified",
              "x"));

      assertThat(azure.plan(refs(STORAGE), WANTED))
          .singleElement()
          .extracting(ResourceTagPlan::action)
          .isEqualTo(Action.UNCHANGED);
    }
  }

  @Test
  void validationFindsMissingForeignMisplacedForbiddenAndUnsupportedResources() {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = provider(arm)) {
      String otherSubscription = STORAGE.replace(SUB, "11111111-1111-1111-1111-111111111111");
      String inEurope = RG + "Microsoft.Storage/storageAccounts/acmeeurope";
      String forbidden = RG + "Microsoft.Storage/storageAccounts/acmelocked";
      arm.add(otherSubscription, "eastus", Map.of());
      arm.add(inEurope, "westeurope", Map.of());
      arm.add(forbidden, "eastus", Map.of());
      arm.forbid(forbidden);
      List<ResourceRef> resources =
          List.of(
              ref("storage_account", STORAGE),
              ref("managed_identity", RG + "Microsoft.ManagedIdentity/userAssignedIdentities/gone"),
              ref("storage_account", otherSubscription),
              ref("storage_account", inEurope),
              ref("storage_account", forbidden),
              ref("managed_identity", STORAGE),
              ref("s3_bucket", "acme-dativo-lake"),
              ref("storage_account", "acmedatiostore"));

      List<ValidationResult> results = azure.validate(infrastructure(), resources, "acme");

      assertThat(results)
          .extracting(r -> r.status().id())
          .containsExactly(
              "ok",
              "missing",
              "mismatch",
              "mismatch",
              "forbidden",
              "mismatch",
              "mismatch",
              "mismatch");
      assertThat(results.get(0).reason()).isEqualTo("storage account exists in eastus");
      assertThat(results.get(1).reason()).contains("404").contains("ResourceNotFound");
      assertThat(results.get(2).reason())
          .contains("subscription 11111111-1111-1111-1111-111111111111")
          .contains("the job names subscription " + SUB);
      assertThat(results.get(3).reason())
          .isEqualTo("the storage account is in westeurope, the job says eastus");
      assertThat(results.get(4).reason()).contains("403").contains("AuthorizationFailed");
      assertThat(results.get(5).reason())
          .contains("the id names a Microsoft.Storage/storageAccounts")
          .contains("managed_identity is a Microsoft.ManagedIdentity/userAssignedIdentities");
      assertThat(results.get(6).reason())
          .isEqualTo(
              "s3_bucket is not an Azure resource type Dativo manages"
                  + " (storage_account, managed_identity)");
      assertThat(results.get(7).reason()).startsWith("not an Azure resource id");
      // static problems are found without calling ARM: one read per resource that got that far
      assertThat(arm.requests()).hasSize(4);
    }
  }

  @Test
  void aRegionWrittenAsADisplayNameMatches() {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = provider(arm)) {
      ResourceRef storage =
          new ResourceRef("storage_account", STORAGE, Optional.of("East US"), "test");

      assertThat(azure.validate(infrastructure(), List.of(storage), "acme"))
          .singleElement()
          .extracting(ValidationResult::isOk)
          .isEqualTo(true);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500})
  void throttlingAndServerErrorsAreRetriedUntilEveryResourceIsTagged(int status) {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = new AzureCloudProviderFactory().create(infrastructure(), env(arm))) {
      List<String> ids = new ArrayList<>(List.of(STORAGE, IDENTITY));
      for (int i = 0; i < 4; i++) {
        String id = RG + "Microsoft.Storage/storageAccounts/acmestore" + i;
        arm.add(id, "eastus", Map.of("team", "platform"));
        ids.add(id);
      }
      arm.failEvery(3, status);

      List<ResourceTagPlan> applied =
          azure.apply(azure.plan(refs(ids.toArray(String[]::new)), WANTED));

      assertThat(applied).extracting(ResourceTagPlan::action).containsOnly(Action.UPDATE);
      assertThat(ids)
          .allSatisfy(id -> assertThat(arm.resource(id).tags).containsAllEntriesOf(WANTED));
      assertThat(arm.resource(ids.get(2)).tags).containsEntry("team", "platform");
      // 6 reads and 6 merges got through; every third request (5 of 17) was a fault, sent again
      assertThat(((CountsApiCalls) azure).apiCalls())
          .isEqualTo(arm.requests().size())
          .isEqualTo(17);
    }
  }

  @Test
  void throttlingWaitsAsLongAsRetryAfterSaysNotAsTheBackoffWould() {
    ArmRetry slowBackoff = new ArmRetry(3, Duration.ofSeconds(30), Duration.ofSeconds(30));
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure =
            AzureCloudProviderFactory.create(infrastructure(), env(arm), slowBackoff)) {
      arm.failEvery(2, 429);

      List<ResourceTagPlan> applied =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(10), () -> azure.apply(azure.plan(refs(STORAGE), WANTED)));

      assertThat(applied).extracting(ResourceTagPlan::action).containsOnly(Action.UPDATE);
      assertThat(arm.requests()).hasSize(3);
    }
  }

  @Test
  void aRetryAfterLongerThanTheLimitFailsTheResourceInsteadOfStallingTheRun() {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = AzureCloudProviderFactory.create(infrastructure(), env(arm), QUICK)) {
      List<ResourceTagPlan> plan = azure.plan(refs(STORAGE), WANTED);
      arm.retryAfterSeconds = "3600";
      arm.failEvery(1, 429);

      List<ResourceTagPlan> applied =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(10), () -> azure.apply(plan));

      assertThat(applied).extracting(ResourceTagPlan::action).containsExactly(Action.FAILED);
      assertThat(applied.get(0).error())
          .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("429");
    }
  }

  @Test
  void retriesAreBoundedAndAFailureDoesNotStopTheOthers() {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = AzureCloudProviderFactory.create(infrastructure(), env(arm), QUICK)) {
      arm.forbid(IDENTITY);
      List<ResourceTagPlan> plan = azure.plan(refs(IDENTITY, STORAGE), WANTED);
      assertThat(plan)
          .extracting(ResourceTagPlan::action)
          .containsExactly(Action.FAILED, Action.UPDATE);
      assertThat(plan.get(0).error())
          .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("reading tags: HTTP 403 AuthorizationFailed");

      arm.failEvery(1, 500);
      int before = arm.requests().size();
      List<ResourceTagPlan> applied = azure.apply(plan);
      assertThat(applied)
          .extracting(ResourceTagPlan::action)
          .containsExactly(Action.FAILED, Action.FAILED);
      assertThat(applied.get(1).error())
          .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("writing tags: HTTP 500");
      // one try and QUICK's 3 retries, for the one resource that was planned
      assertThat(arm.requests().size() - before).isEqualTo(4);
    }
  }

  @Test
  void aResourceDeletedBeforeApplyFailsAloneAndTheOthersAreTagged() {
    try (AzureArmStandIn arm = standIn();
        CloudProvider azure = provider(arm)) {
      List<ResourceTagPlan> plan = azure.plan(refs(STORAGE, IDENTITY), WANTED);
      arm.remove(STORAGE);

      List<ResourceTagPlan> applied = azure.apply(plan);

      assertThat(applied)
          .extracting(ResourceTagPlan::action)
          .containsExactly(Action.FAILED, Action.UPDATE);
      assertThat(applied.get(0).error())
          .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("404 ResourceNotFound");
      assertThat(arm.resource(IDENTITY).tags).containsAllEntriesOf(WANTED);
    }
  }

  @Test
  void theTokenIsNeverSentOverPlainHttpNorShownInAnyMessage() {
    AzureCloudProviderFactory factory = new AzureCloudProviderFactory();
    assertThatThrownBy(
            () ->
                factory.create(
                    infrastructure(),
                    Map.of("AZURE_RESOURCE_MANAGER_ENDPOINT", "https://management.example.com")))
        .isInstanceOf(AzureSetupException.class)
        .hasMessageContaining("AZURE_ACCESS_TOKEN is not set");
    assertThatThrownBy(
            () ->
                factory.create(
                    infrastructure(),
                    Map.of(
                        "AZURE_ACCESS_TOKEN",
                        TOKEN,
                        "AZURE_RESOURCE_MANAGER_ENDPOINT",
                        "http://management.example.com")))
        .isInstanceOf(AzureSetupException.class)
        .hasMessageContaining("must use https")
        .satisfies(e -> assertThat(e.getMessage() + e).doesNotContain(TOKEN));

    try (AzureArmStandIn arm = standIn()) {
      Map<String, String> loopback = new HashMap<>(env(arm));
      loopback.put("AZURE_ACCESS_TOKEN", TOKEN);
      // https on loopback: the token is attached to each request, which then finds no server
      Map<String, String> https = new HashMap<>(loopback);
      https.put("AZURE_RESOURCE_MANAGER_ENDPOINT", "https://127.0.0.1:" + closedPort());
      List<String> messages = new ArrayList<>();
      for (Map<String, String> env : List.of(loopback, https)) {
        try (CloudProvider azure = AzureCloudProviderFactory.create(infrastructure(), env, QUICK)) {
          List<ResourceRef> refs = refs(STORAGE, RG + "Microsoft.Storage/storageAccounts/missing");
          azure.validate(infrastructure(), refs, "acme").forEach(r -> messages.add(r.reason()));
          List<ResourceTagPlan> plan = azure.plan(refs, WANTED);
          Stream.concat(plan.stream(), azure.apply(plan).stream())
              .forEach(p -> messages.add(p.error().orElse("") + p));
          messages.add(azure.toString());
        }
      }

      assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(TOKEN));
      assertThat(messages).anySatisfy(m -> assertThat(m).contains("ConnectException"));
      assertThat(arm.requests())
          .isNotEmpty()
          .allSatisfy(
              r ->
                  assertThat(r.headers().keySet())
                      .noneMatch(h -> h.equalsIgnoreCase("Authorization")));
    }
  }

  @Test
  void theExampleJobIsValidatedAndTaggedThroughTheServiceLoader() {
    try (AzureArmStandIn arm = standIn()) {
      LoadedJob loaded =
          new JobLoader(Map.of())
              .load(
                  Path.of("..", "examples", "jobs", "acme", "azure_storage.yaml"),
                  JobLoader.AssetRequirement.OPTIONAL);
      Infrastructure infrastructure = loaded.job().infrastructure().orElseThrow();
      CloudProviderFactory factory =
          ServiceLoader.load(CloudProviderFactory.class).stream()
              .map(ServiceLoader.Provider::get)
              .filter(f -> f.id().equals(infrastructure.cloud().orElseThrow().id()))
              .findFirst()
              .orElseThrow();
      List<ResourceRef> resources = JobResources.of(loaded.job());

      try (CloudProvider azure = factory.create(infrastructure, env(arm))) {
        assertThat(azure.id()).isEqualTo("azure");
        assertThat(azure.validate(infrastructure, resources, "acme"))
            .extracting(r -> r.resource().type() + " " + r.status().id())
            .containsExactly("storage_account ok", "managed_identity ok");
        assertThat(azure.apply(azure.plan(resources, WANTED)))
            .extracting(ResourceTagPlan::action)
            .containsOnly(Action.UPDATE);
      }
    }
  }

  private static AzureArmStandIn standIn() {
    AzureArmStandIn arm = new AzureArmStandIn();
    arm.add(
        STORAGE,
        "eastus",
        Map.of(
            "team", "platform", "owner", "someone-else", "CostCenter", "OLD", "LastModified", "x"));
    arm.add(IDENTITY, "eastus", Map.of());
    return arm;
  }

  private static CloudProvider provider(AzureArmStandIn arm) {
    return new AzureCloudProviderFactory().create(infrastructure(), env(arm));
  }

  private static Map<String, String> env(AzureArmStandIn arm) {
    return Map.of("AZURE_RESOURCE_MANAGER_ENDPOINT", arm.endpoint());
  }

  private static List<ResourceRef> refs(String... ids) {
    return Stream.of(ids)
        .map(
            id ->
                ref(
                    id.contains("userAssignedIdentities") ? "managed_identity" : "storage_account",
                    id))
        .toList();
  }

  private static ResourceRef ref(String type, String id) {
    return new ResourceRef(type, id, Optional.of("eastus"), "test");
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Infrastructure infrastructure() {
    return new Infrastructure(
        Optional.empty(),
        Optional.of(Cloud.AZURE),
        CloudOrigin.DECLARED,
        Optional.of("eastus"),
        Optional.empty(),
        Optional.empty(),
        Optional.of(SUB),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        InfraTags.NONE,
        InfraMetadata.NONE,
        Map.of(),
        Set.of());
  }
}

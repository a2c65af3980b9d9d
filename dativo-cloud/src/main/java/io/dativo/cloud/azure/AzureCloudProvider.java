package io.dativo.cloud.azure;

import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CountsApiCalls;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.cloud.TagPlanner;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import io.dativo.core.config.infra.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure (preview) behind the {@link CloudProvider} SPI, through Azure Resource Manager: storage
 * accounts and user-assigned managed identities, named by their full ARM ids.
 *
 * <p>Validate reads each resource by id (generic resources, with its provider's api-version) and
 * checks its type, subscription and location against the job. Plan reads the tags with the Tags
 * API; apply writes only the keys that change, with the Tags API's Merge operation, so a tag
 * someone else set is never removed or replaced. Resources are handled one at a time and a failure
 * on one does not stop the others.
 */
public final class AzureCloudProvider implements CloudProvider, CountsApiCalls {
  private final AzureArm arm;
  private final AzureTags tags;

  AzureCloudProvider(AzureArm arm) {
    this.arm = arm;
    this.tags = new AzureTags(arm.client().getTagOperations());
  }

  @Override
  public String id() {
    return "azure";
  }

  @Override
  public long apiCalls() {
    return arm.apiCalls();
  }

  // ---- validate

  @Override
  public List<ValidationResult> validate(
      Infrastructure infrastructure, List<ResourceRef> resources, String tenantId) {
    List<ValidationResult> results = new ArrayList<>();
    for (ResourceRef resource : resources) {
      results.add(validate(infrastructure, resource));
    }

    return results;
  }

  private ValidationResult validate(Infrastructure infrastructure, ResourceRef resource) {
    Optional<AzureResourceType> type = AzureResourceType.fromId(resource.type());
    if (type.isEmpty()) {
      return mismatch(resource, unsupported(resource));
    }

    Optional<ArmResourceId> id = ArmResourceId.parse(resource.id());
    Optional<String> problem = idProblem(type.get(), id);
    if (problem.isPresent()) {
      return mismatch(resource, problem.get());
    }

    ArmResourceId armId = id.get();
    Optional<String> subscription = infrastructure.subscriptionId();
    if (subscription.filter(s -> !s.equalsIgnoreCase(armId.subscriptionId())).isPresent()) {
      return mismatch(
          resource,
          "the "
              + type.get().noun()
              + " is in subscription "
              + armId.subscriptionId()
              + ", the job names subscription "
              + subscription.get());
    }

    GenericResourceInner found;
    try {
      found = arm.client().getResources().getById(armId.path(), type.get().apiVersion());
    } catch (RuntimeException e) {
      return new ValidationResult(
          resource,
          AzureArm.statusOf(e),
          "reading the " + type.get().noun() + ": " + arm.describe(e));
    }

    Optional<String> location =
        Optional.ofNullable(found == null ? null : found.location()).filter(l -> !l.isBlank());
    Optional<String> region = resource.region().or(infrastructure::region);
    if (location.isPresent()
        && region.isPresent()
        && !location.get().equalsIgnoreCase("global")
        && !sameRegion(location.get(), region.get())) {
      return mismatch(
          resource,
          "the "
              + type.get().noun()
              + " is in "
              + location.get()
              + ", the job says "
              + region.get());
    }

    return new ValidationResult(
        resource,
        Status.OK,
        type.get().noun() + " exists" + location.map(l -> " in " + l).orElse(""));
  }

  /** ARM reports {@code eastus}; portals and users also write {@code East US}. */
  private static boolean sameRegion(String location, String region) {
    return normalised(location).equals(normalised(region));
  }

  private static String normalised(String region) {
    return region.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  // ---- plan and apply

  @Override
  public List<ResourceTagPlan> plan(List<ResourceRef> resources, Map<String, String> wanted) {
    List<ResourceTagPlan> plans = new ArrayList<>();
    for (ResourceRef resource : resources) {
      plans.add(plan(resource, wanted));
    }

    return plans;
  }

  private ResourceTagPlan plan(ResourceRef resource, Map<String, String> wanted) {
    Optional<AzureResourceType> type = AzureResourceType.fromId(resource.type());
    if (type.isEmpty()) {
      return failed(resource, unsupported(resource));
    }

    Optional<ArmResourceId> id = ArmResourceId.parse(resource.id());
    Optional<String> problem = idProblem(type.get(), id);
    if (problem.isPresent()) {
      return failed(resource, problem.get());
    }

    try {
      Map<String, String> current = tags.read(id.get().path());
      return TagPlanner.plan(resource, AzureTags.alignedTo(current, wanted), wanted);
    } catch (RuntimeException e) {
      return failed(resource, "reading tags: " + arm.describe(e));
    }
  }

  @Override
  public List<ResourceTagPlan> apply(List<ResourceTagPlan> plan) {
    List<ResourceTagPlan> results = new ArrayList<>();
    for (ResourceTagPlan resource : plan) {
      results.add(resource.action() == ResourceTagPlan.Action.UPDATE ? write(resource) : resource);
    }

    return results;
  }

  private ResourceTagPlan write(ResourceTagPlan planned) {
    String scope =
        ArmResourceId.parse(planned.resource().id())
            .map(ArmResourceId::path)
            .orElse(planned.resource().id());
    try {
      tags.merge(scope, planned.writes());
      return planned;
    } catch (RuntimeException e) {
      return planned.failed("writing tags: " + arm.describe(e));
    }
  }

  // ---- shared

  private static Optional<String> idProblem(AzureResourceType type, Optional<ArmResourceId> id) {
    if (id.isEmpty()) {
      return Optional.of(
          "not an Azure resource id: expected /subscriptions/SUB/resourceGroups/RG/providers/"
              + type.armType()
              + "/NAME");
    }

    if (!id.get().isOfType(type.armType())) {
      return Optional.of(
          "the id names a "
              + id.get().type()
              + ", but resource_type "
              + type.id()
              + " is a "
              + type.armType());
    }

    return Optional.empty();
  }

  private static String unsupported(ResourceRef resource) {
    return resource.type()
        + " is not an Azure resource type Dativo manages ("
        + AzureResourceType.ids()
        + ")";
  }

  private static ValidationResult mismatch(ResourceRef resource, String reason) {
    return new ValidationResult(resource, Status.MISMATCH, reason);
  }

  private static ResourceTagPlan failed(ResourceRef resource, String reason) {
    return new ResourceTagPlan(
        resource, ResourceTagPlan.Action.FAILED, Map.of(), Map.of(), Map.of(), Optional.of(reason));
  }
}

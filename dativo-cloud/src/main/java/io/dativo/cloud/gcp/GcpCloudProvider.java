package io.dativo.cloud.gcp;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.cloud.TagPlanner;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import io.dativo.core.config.infra.Infrastructure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GCP behind the {@link CloudProvider} SPI: each resource type ({@link GcpResourceType}) validates
 * and, where it carries labels, reads them with a version and writes the merged set conditionally
 * on that version, so a concurrent change is never overwritten. On a conflict the resource is read
 * again and the change re-planned, a bounded number of times. Types without labels (service
 * accounts, networks) are validated only, and apply-tags says so.
 */
public final class GcpCloudProvider implements CloudProvider {
  static final int MAX_CONFLICT_RETRIES = 5;

  /** LastModified as a GCP label ({@code GcpLabelRules} snake_cases tag names). */
  static final String TIMESTAMP_LABEL = "last_modified";

  private final Map<String, GcpResourceType> types = new LinkedHashMap<>();
  private final List<AutoCloseable> clients;

  GcpCloudProvider(List<GcpResourceType> types, List<AutoCloseable> clients) {
    types.forEach(t -> this.types.put(t.type(), t));
    this.clients = List.copyOf(clients);
  }

  @Override
  public String id() {
    return "gcp";
  }

  @Override
  public List<ValidationResult> validate(
      Infrastructure infrastructure, List<ResourceRef> resources, String tenantId) {
    List<ValidationResult> results = new ArrayList<>();
    for (ResourceRef resource : resources) {
      GcpResourceType type = types.get(resource.type());
      if (type == null) {
        results.add(
            new ValidationResult(
                resource, Status.MISMATCH, resource.type() + " is not a GCP resource type"));
        continue;
      }

      try {
        results.add(type.validate(resource));
      } catch (io.dativo.core.cloud.CloudCredentialsMissing e) {
        throw e;
      } catch (RuntimeException e) {
        results.add(new ValidationResult(resource, Status.MISMATCH, message(e)));
      }
    }

    return results;
  }

  @Override
  public List<ResourceTagPlan> plan(List<ResourceRef> resources, Map<String, String> labels) {
    List<ResourceTagPlan> plans = new ArrayList<>();
    for (ResourceRef resource : resources) {
      plans.add(planOne(resource, labels));
    }

    return plans;
  }

  private ResourceTagPlan planOne(ResourceRef resource, Map<String, String> labels) {
    GcpResourceType type = types.get(resource.type());
    if (type == null) {
      return failed(resource, resource.type() + " is not a GCP resource type");
    }

    if (type.unlabelled().isPresent()) {
      // Nothing to write and nothing wrong: left unchanged, with the reason as a note.
      return new ResourceTagPlan(
          resource,
          ResourceTagPlan.Action.UNCHANGED,
          Map.of(),
          Map.of(),
          Map.of(),
          type.unlabelled());
    }

    try {
      return TagPlanner.plan(resource, type.read(resource).labels(), labels, TIMESTAMP_LABEL);
    } catch (io.dativo.core.cloud.CloudCredentialsMissing e) {
      throw e;
    } catch (RuntimeException e) {
      return failed(resource, message(e));
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

  /** Writes conditionally; a conflict reads the resource again and re-plans the same change. */
  private ResourceTagPlan write(ResourceTagPlan planned) {
    GcpResourceType type = types.get(planned.resource().type());
    ResourceTagPlan current = planned;
    for (int attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      try {
        GcpResourceType.Labelled read = type.read(current.resource());
        if (attempt > 0) {
          ResourceTagPlan replanned =
              TagPlanner.plan(current.resource(), read.labels(), wanted(planned), TIMESTAMP_LABEL);
          if (replanned.action() == ResourceTagPlan.Action.UNCHANGED) {
            return replanned;
          }

          current = replanned;
        }

        Map<String, String> merged = new HashMap<>(read.labels());
        merged.putAll(current.writes());
        type.write(current.resource(), read, merged);
        return current;
      } catch (GcpResourceType.LabelConflict conflict) {
        // someone else changed the resource between our read and write: read again
      } catch (RuntimeException e) {
        return current.failed(message(e));
      }
    }

    return current.failed(
        "the resource kept changing: gave up after "
            + MAX_CONFLICT_RETRIES
            + " conflicting updates");
  }

  /** What the plan wants the labels to be (current values overridden by its writes). */
  private static Map<String, String> wanted(ResourceTagPlan plan) {
    Map<String, String> wanted = new HashMap<>(plan.writes());
    plan.current().forEach((k, v) -> wanted.putIfAbsent(k, v));
    wanted.keySet().retainAll(plan.writes().keySet());
    return wanted;
  }

  private static ResourceTagPlan failed(ResourceRef resource, String reason) {
    return new ResourceTagPlan(
        resource, ResourceTagPlan.Action.FAILED, Map.of(), Map.of(), Map.of(), Optional.of(reason));
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void close() {
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        // releasing HTTP connections
      }
    }
  }
}

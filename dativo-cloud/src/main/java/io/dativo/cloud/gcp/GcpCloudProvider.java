package io.dativo.cloud.gcp;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.cloud.TagPlanner;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import io.dativo.core.config.infra.Infrastructure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GCP behind the {@link CloudProvider} SPI (preview): GCS buckets are validated and labelled with a
 * metageneration precondition, so a concurrent change is never overwritten (on a conflict the
 * bucket is read again and the change re-planned, a bounded number of times). Service accounts
 * carry no labels: they are validated only, and apply-tags says so. Other GCP resource types (GKE
 * clusters, BigQuery datasets, networks) are not available in this version yet.
 */
public final class GcpCloudProvider implements CloudProvider {
  static final int MAX_CONFLICT_RETRIES = 5;

  /** LastModified as a GCP label ({@code GcpLabelRules} snake_cases tag names). */
  static final String TIMESTAMP_LABEL = "last_modified";

  private final Storage storage;
  private final Optional<String> projectId;

  public GcpCloudProvider(Storage storage, Optional<String> projectId) {
    this.storage = storage;
    this.projectId = projectId;
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
      results.add(validate(resource));
    }

    return results;
  }

  private ValidationResult validate(ResourceRef resource) {
    switch (resource.type()) {
      case "gcs_bucket" -> {
        try {
          Bucket bucket = storage.get(bucketName(resource.id()));
          if (bucket == null) {
            return new ValidationResult(resource, Status.MISSING, "bucket not found");
          }

          Optional<String> location =
              Optional.ofNullable(bucket.getLocation())
                  .map(l -> l.toLowerCase(java.util.Locale.ROOT));
          if (resource.region().isPresent()
              && location.isPresent()
              && !location.get().equals(resource.region().get())
              && !location.get().equals("us")
              && !location.get().equals("eu")) {
            return new ValidationResult(
                resource,
                Status.MISMATCH,
                "bucket is in " + location.get() + ", the job says " + resource.region().get());
          }

          return new ValidationResult(
              resource, Status.OK, "bucket reachable" + location.map(l -> " in " + l).orElse(""));
        } catch (StorageException e) {
          return new ValidationResult(
              resource,
              e.getCode() == 403
                  ? Status.FORBIDDEN
                  : e.getCode() == 404 ? Status.MISSING : Status.MISMATCH,
              e.getMessage());
        }
      }
      case "service_account" -> {
        String email = resource.id().substring(resource.id().lastIndexOf('/') + 1);
        String project =
            email.contains("@") ? email.substring(email.indexOf('@') + 1).split("\\.")[0] : "";
        return projectId
                .filter(p -> email.endsWith(".iam.gserviceaccount.com") && !p.equals(project))
                .isPresent()
            ? new ValidationResult(
                resource,
                Status.MISMATCH,
                "service account of project "
                    + project
                    + ", the job's project is "
                    + projectId.get())
            : new ValidationResult(
                resource,
                Status.OK,
                "name checked against the project (existence is not checked in this version)");
      }
      default -> {
        return new ValidationResult(
            resource,
            Status.MISMATCH,
            resource.type() + " is not available in this version yet for gcp");
      }
    }
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
    if (!resource.type().equals("gcs_bucket")) {
      String reason =
          resource.type().equals("service_account")
              ? "service accounts carry no labels: validated only"
              : "labelling " + resource.type() + " is not available in this version yet";
      return new ResourceTagPlan(
          resource,
          ResourceTagPlan.Action.FAILED,
          Map.of(),
          Map.of(),
          Map.of(),
          Optional.of(reason));
    }

    try {
      Bucket bucket = storage.get(bucketName(resource.id()));
      if (bucket == null) {
        return new ResourceTagPlan(
            resource,
            ResourceTagPlan.Action.FAILED,
            Map.of(),
            Map.of(),
            Map.of(),
            Optional.of("bucket not found"));
      }

      return TagPlanner.plan(resource, labelsOf(bucket), labels, TIMESTAMP_LABEL);
    } catch (StorageException e) {
      return new ResourceTagPlan(
          resource,
          ResourceTagPlan.Action.FAILED,
          Map.of(),
          Map.of(),
          Map.of(),
          Optional.of(e.getMessage()));
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

  /**
   * Writes with ifMetagenerationMatch; a conflict re-reads the bucket and re-plans the same change.
   */
  private ResourceTagPlan write(ResourceTagPlan planned) {
    ResourceTagPlan current = planned;
    for (int attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      Bucket bucket = storage.get(bucketName(current.resource().id()));
      if (bucket == null) {
        return current.failed("bucket not found");
      }

      if (attempt > 0) {
        ResourceTagPlan replanned =
            TagPlanner.plan(current.resource(), labelsOf(bucket), wanted(planned), TIMESTAMP_LABEL);
        if (replanned.action() == ResourceTagPlan.Action.UNCHANGED) {
          return replanned;
        }

        current = replanned;
      }

      Map<String, String> merged = new HashMap<>(labelsOf(bucket));
      merged.putAll(current.writes());
      try {
        storage.update(
            bucket.toBuilder().setLabels(merged).build(),
            Storage.BucketTargetOption.metagenerationMatch());
        return current;
      } catch (StorageException e) {
        if (e.getCode() != 412) {
          return current.failed(e.getMessage());
        }
      }
    }

    return current.failed(
        "the bucket kept changing: gave up after " + MAX_CONFLICT_RETRIES + " conflicting updates");
  }

  /** What the plan wants the labels to be (current values overridden by its writes). */
  private static Map<String, String> wanted(ResourceTagPlan plan) {
    Map<String, String> wanted = new HashMap<>(plan.writes());
    plan.current().forEach((k, v) -> wanted.putIfAbsent(k, v));
    wanted.keySet().retainAll(plan.writes().keySet());
    return wanted;
  }

  private static Map<String, String> labelsOf(Bucket bucket) {
    Map<String, String> labels = new HashMap<>();
    if (bucket.getLabels() != null) {
      bucket
          .getLabels()
          .forEach(
              (k, v) -> {
                if (v != null) {
                  labels.put(k, v);
                }
              });
    }

    return labels;
  }

  static String bucketName(String id) {
    return id.replaceFirst("^gs://", "").replaceFirst("/.*$", "");
  }

  @Override
  public void close() {
    try {
      storage.close();
    } catch (Exception e) {
      // releasing HTTP connections
    }
  }
}

package io.dativo.cloud.gcp;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GCS buckets: exist and sit in the job's region (multi-regions US and EU accept any region);
 * labels patched with an {@code ifMetagenerationMatch} precondition.
 */
final class GcsBuckets implements GcpResourceType {
  private final GcpClients clients;

  GcsBuckets(GcpClients clients) {
    this.clients = clients;
  }

  @Override
  public String type() {
    return "gcs_bucket";
  }

  @Override
  public ValidationResult validate(ResourceRef resource) {
    try {
      Bucket bucket = clients.storage().get(bucketName(resource.id()));
      if (bucket == null) {
        return new ValidationResult(resource, Status.MISSING, "bucket not found");
      }

      Optional<String> location =
          Optional.ofNullable(bucket.getLocation()).map(l -> l.toLowerCase(Locale.ROOT));
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
      return new ValidationResult(resource, GcpStatus.of(e.getCode()), e.getMessage());
    }
  }

  @Override
  public Labelled read(ResourceRef resource) {
    Bucket bucket = get(resource);
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

    return new Labelled(labels, Long.toString(bucket.getMetageneration()));
  }

  @Override
  public void write(ResourceRef resource, Labelled current, Map<String, String> labels) {
    Bucket bucket = get(resource);
    if (bucket.getMetageneration() != Long.parseLong(current.version())) {
      throw new LabelConflict("bucket changed since it was read");
    }

    try {
      clients
          .storage()
          .update(
              bucket.toBuilder().setLabels(labels).build(),
              Storage.BucketTargetOption.metagenerationMatch());
    } catch (StorageException e) {
      if (e.getCode() == 412) {
        throw new LabelConflict(e.getMessage());
      }

      throw e;
    }
  }

  private Bucket get(ResourceRef resource) {
    Bucket bucket = clients.storage().get(bucketName(resource.id()));
    if (bucket == null) {
      throw new ResourceMissing("bucket not found");
    }

    return bucket;
  }

  static String bucketName(String id) {
    return id.replaceFirst("^gs://", "").replaceFirst("/.*$", "");
  }
}

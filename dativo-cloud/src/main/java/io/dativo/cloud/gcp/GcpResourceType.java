package io.dativo.cloud.gcp;

import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import java.util.Map;
import java.util.Optional;

/**
 * One GCP resource type: how Dativo validates it and, where it carries labels, reads and writes
 * them. Writes are conditional on the version that was read (a bucket's metageneration, a cluster's
 * label fingerprint, a dataset's etag), so a concurrent change is never overwritten: a stale
 * version throws {@link LabelConflict}, and the provider reads again and re-plans.
 */
interface GcpResourceType {
  /** The {@code resource_type} of the job this handles, e.g. {@code gcs_bucket}. */
  String type();

  ValidationResult validate(ResourceRef resource);

  /** Why resources of this type carry no labels (apply-tags says so); empty when they do. */
  default Optional<String> unlabelled() {
    return Optional.empty();
  }

  /**
   * The resource's labels now, with the version a conditional write needs.
   *
   * @throws ResourceMissing when the resource does not exist
   */
  default Labelled read(ResourceRef resource) {
    throw new UnsupportedOperationException(type() + " carries no labels");
  }

  /**
   * Sets the resource's labels to {@code labels} (the whole merged set: current labels with
   * Dativo's changes over them) if it is still at {@code current.version()}.
   *
   * @throws LabelConflict when the resource changed since it was read
   * @throws ResourceMissing when it no longer exists
   */
  default void write(ResourceRef resource, Labelled current, Map<String, String> labels) {
    throw new UnsupportedOperationException(type() + " carries no labels");
  }

  /** Labels as read, and the version they were read at (opaque to the provider). */
  record Labelled(Map<String, String> labels, String version) {
    public Labelled {
      labels = Map.copyOf(labels);
    }
  }

  /** A conditional write found the resource changed since it was read. */
  final class LabelConflict extends RuntimeException {
    LabelConflict(String message) {
      super(message);
    }
  }

  /** The resource does not exist (or the caller may not see it). */
  final class ResourceMissing extends RuntimeException {
    ResourceMissing(String message) {
      super(message);
    }
  }
}

package io.dativo.cloud.gcp;

import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.api.gax.rpc.UnauthenticatedException;
import com.google.container.v1.Cluster;
import com.google.container.v1.SetLabelsRequest;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.Map;
import java.util.Set;

/**
 * GKE clusters: exist, run, and sit in the job's project and region; their {@code resourceLabels}
 * are set with the cluster's label fingerprint, which GKE checks, so a concurrent change fails the
 * write instead of being overwritten.
 */
final class GkeClusters implements GcpResourceType {
  static final Set<String> USABLE_STATES = Set.of("RUNNING", "RECONCILING");

  private final GcpClients clients;

  GkeClusters(GcpClients clients) {
    this.clients = clients;
  }

  @Override
  public String type() {
    return "gke_cluster";
  }

  @Override
  public ValidationResult validate(ResourceRef resource) {
    try {
      String name = name(resource);
      String project = name.split("/")[1];
      if (clients.projectId().filter(p -> !p.equals(project)).isPresent()) {
        return new ValidationResult(
            resource,
            Status.MISMATCH,
            "cluster of project "
                + project
                + ", the job's project is "
                + clients.projectId().get());
      }

      Cluster cluster = clients.clusters().getCluster(name);
      String location = cluster.getLocation();
      if (resource.region().isPresent()
          && !location.isEmpty()
          && !location.equals(resource.region().get())
          && !location.startsWith(resource.region().get() + "-")) {
        return new ValidationResult(
            resource,
            Status.MISMATCH,
            "cluster is in " + location + ", the job says " + resource.region().get());
      }

      String state = cluster.getStatus().name();
      return USABLE_STATES.contains(state)
          ? new ValidationResult(resource, Status.OK, "cluster " + state + " in " + location)
          : new ValidationResult(resource, Status.MISMATCH, "cluster is " + state + ", not usable");
    } catch (ApiException e) {
      return new ValidationResult(resource, status(e), e.getMessage());
    } catch (IllegalArgumentException e) {
      return new ValidationResult(resource, Status.MISMATCH, e.getMessage());
    }
  }

  @Override
  public Labelled read(ResourceRef resource) {
    try {
      Cluster cluster = clients.clusters().getCluster(name(resource));
      return new Labelled(cluster.getResourceLabelsMap(), cluster.getLabelFingerprint());
    } catch (NotFoundException e) {
      throw new ResourceMissing("cluster not found");
    }
  }

  @Override
  public void write(ResourceRef resource, Labelled current, Map<String, String> labels) {
    try {
      clients
          .clusters()
          .setLabels(
              SetLabelsRequest.newBuilder()
                  .setName(name(resource))
                  .putAllResourceLabels(labels)
                  .setLabelFingerprint(current.version())
                  .build());
    } catch (FailedPreconditionException | AbortedException e) {
      throw new LabelConflict("cluster labels changed since they were read: " + e.getMessage());
    } catch (InvalidArgumentException e) {
      // Over HTTP/JSON a fingerprint mismatch arrives as a bare 400: it was a conflict when the
      // fingerprint has moved on since the read.
      if (!read(resource).version().equals(current.version())) {
        throw new LabelConflict("cluster labels changed since they were read");
      }

      throw e;
    } catch (NotFoundException e) {
      throw new ResourceMissing("cluster not found");
    }
  }

  /** {@code projects/P/locations/L/clusters/NAME}, from a full name or a name and the job. */
  private String name(ResourceRef resource) {
    if (resource.id().startsWith("projects/")) {
      return resource.id();
    }

    String project =
        clients
            .projectId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cluster '"
                            + resource.id()
                            + "' needs the job's project_id, or a full name"
                            + " projects/P/locations/L/clusters/NAME"));
    String location =
        resource
            .region()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cluster '"
                            + resource.id()
                            + "' needs the job's region, or a full name"
                            + " projects/P/locations/L/clusters/NAME"));
    return "projects/" + project + "/locations/" + location + "/clusters/" + resource.id();
  }

  static Status status(ApiException e) {
    if (e instanceof NotFoundException) {
      return Status.MISSING;
    }

    if (e instanceof PermissionDeniedException || e instanceof UnauthenticatedException) {
      return Status.FORBIDDEN;
    }

    return Status.MISMATCH;
  }
}

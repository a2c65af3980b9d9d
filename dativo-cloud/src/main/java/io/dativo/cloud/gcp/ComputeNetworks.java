package io.dativo.cloud.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.compute.v1.Subnetwork;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.Optional;

/**
 * VPC networks and subnetworks (Compute Engine): exist in the job's project, and a subnetwork sits
 * in the job's region. They carry no labels, which apply-tags says rather than pretending.
 */
final class ComputeNetworks implements GcpResourceType {
  private final GcpClients clients;
  private final boolean subnetworks;

  private ComputeNetworks(GcpClients clients, boolean subnetworks) {
    this.clients = clients;
    this.subnetworks = subnetworks;
  }

  static ComputeNetworks networks(GcpClients clients) {
    return new ComputeNetworks(clients, false);
  }

  static ComputeNetworks subnetworks(GcpClients clients) {
    return new ComputeNetworks(clients, true);
  }

  @Override
  public String type() {
    return subnetworks ? "subnetwork" : "network";
  }

  @Override
  public Optional<String> unlabelled() {
    return Optional.of(type() + "s carry no labels: validated only");
  }

  @Override
  public ValidationResult validate(ResourceRef resource) {
    String[] parts = resource.id().split("/");
    // projects/P/global/networks/N or projects/P/regions/R/subnetworks/S, or a bare name.
    Optional<String> project =
        parts.length > 1 && parts[0].equals("projects")
            ? Optional.of(parts[1])
            : clients.projectId();
    String name = parts[parts.length - 1];
    if (project.isEmpty()) {
      return new ValidationResult(
          resource, Status.MISMATCH, "needs the job's project_id, or a full resource name");
    }

    if (clients.projectId().filter(p -> !p.equals(project.get())).isPresent()) {
      return new ValidationResult(
          resource,
          Status.MISMATCH,
          type()
              + " of project "
              + project.get()
              + ", the job's project is "
              + clients.projectId().get());
    }

    try {
      if (!subnetworks) {
        clients.networks().get(project.get(), name);
        return new ValidationResult(resource, Status.OK, "network exists");
      }

      Optional<String> region =
          parts.length > 3 && parts[2].equals("regions")
              ? Optional.of(parts[3])
              : resource.region();
      if (region.isEmpty()) {
        return new ValidationResult(
            resource, Status.MISMATCH, "needs the job's region, or a full resource name");
      }

      if (resource.region().filter(r -> !r.equals(region.get())).isPresent()) {
        return new ValidationResult(
            resource,
            Status.MISMATCH,
            "subnetwork is in " + region.get() + ", the job says " + resource.region().get());
      }

      Subnetwork subnetwork = clients.subnetworks().get(project.get(), region.get(), name);
      return new ValidationResult(
          resource, Status.OK, "subnetwork " + subnetwork.getIpCidrRange() + " in " + region.get());
    } catch (ApiException e) {
      return new ValidationResult(resource, GkeClusters.status(e), e.getMessage());
    }
  }
}

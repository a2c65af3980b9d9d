package io.dativo.cloud.gcp;

import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.Optional;

/**
 * Service accounts: their email belongs to the job's project, and IAM finds them, enabled. They
 * carry no labels, which apply-tags says rather than pretending.
 */
final class ServiceAccounts implements GcpResourceType {
  private final GcpClients clients;
  private final Optional<String> projectId;

  ServiceAccounts(GcpClients clients) {
    this.clients = clients;
    this.projectId = clients.projectId();
  }

  @Override
  public String type() {
    return "service_account";
  }

  @Override
  public Optional<String> unlabelled() {
    return Optional.of("service accounts carry no labels: validated only");
  }

  @Override
  public ValidationResult validate(ResourceRef resource) {
    String email = resource.id().substring(resource.id().lastIndexOf('/') + 1);
    String project =
        email.contains("@") ? email.substring(email.indexOf('@') + 1).split("\\.")[0] : "";
    if (projectId
        .filter(p -> email.endsWith(".iam.gserviceaccount.com") && !p.equals(project))
        .isPresent()) {
      return new ValidationResult(
          resource,
          Status.MISMATCH,
          "service account of project " + project + ", the job's project is " + projectId.get());
    }

    try {
      com.google.api.services.iam.v1.model.ServiceAccount account =
          clients
              .iam()
              .projects()
              .serviceAccounts()
              .get("projects/-/serviceAccounts/" + email)
              .execute();
      return Boolean.TRUE.equals(account.getDisabled())
          ? new ValidationResult(resource, Status.MISMATCH, "service account is disabled")
          : new ValidationResult(resource, Status.OK, "service account exists");
    } catch (com.google.api.client.googleapis.json.GoogleJsonResponseException e) {
      return new ValidationResult(
          resource,
          GcpStatus.of(e.getStatusCode()),
          e.getDetails() != null ? e.getDetails().getMessage() : e.getStatusMessage());
    } catch (java.io.IOException e) {
      return new ValidationResult(
          resource, Status.MISMATCH, "IAM not reachable: " + e.getMessage());
    }
  }
}

package io.dativo.cloud.gcp;

import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.Optional;

/**
 * Service accounts: their email must belong to the job's project. They carry no labels, which
 * apply-tags says rather than pretending.
 */
final class ServiceAccounts implements GcpResourceType {
  private final Optional<String> projectId;

  ServiceAccounts(Optional<String> projectId) {
    this.projectId = projectId;
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
    return projectId
            .filter(p -> email.endsWith(".iam.gserviceaccount.com") && !p.equals(project))
            .isPresent()
        ? new ValidationResult(
            resource,
            Status.MISMATCH,
            "service account of project " + project + ", the job's project is " + projectId.get())
        : new ValidationResult(
            resource,
            Status.OK,
            "name checked against the project (existence is not checked in this version)");
  }
}

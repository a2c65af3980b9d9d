package io.dativo.core.cloud;

/** Whether one resource is usable: ok, missing, forbidden (no access), or a mismatch, and why. */
public record ValidationResult(ResourceRef resource, Status status, String reason) {

  /** The outcome of validating one resource. */
  public enum Status {
    OK,
    MISSING,
    FORBIDDEN,
    MISMATCH;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean isOk() {
    return status == Status.OK;
  }
}

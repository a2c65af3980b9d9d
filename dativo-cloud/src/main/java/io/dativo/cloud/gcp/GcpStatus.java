package io.dativo.cloud.gcp;

import io.dativo.core.cloud.ValidationResult.Status;

/** A Google API's HTTP status as a validation status. */
final class GcpStatus {
  private GcpStatus() {}

  static Status of(int httpStatus) {
    return switch (httpStatus) {
      case 401, 403 -> Status.FORBIDDEN;
      case 404 -> Status.MISSING;
      default -> Status.MISMATCH;
    };
  }
}

package io.dativo.core.config.infra;

/** How the cloud of an infrastructure block was determined. */
public enum CloudOrigin {
  /** {@code provider.provider} (seed 002) or {@code provider: aws} named it. */
  DECLARED,
  /** Inferred from {@code runtime.platform} (seed 000). */
  PLATFORM,
  /**
   * Inferred from the scheme of {@code runtime.storage.bucket} ({@code s3://}, {@code gs://}, …).
   */
  STORAGE_SCHEME,
  /** Nothing names or implies a cloud. */
  UNKNOWN
}

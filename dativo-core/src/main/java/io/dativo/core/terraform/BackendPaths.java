package io.dativo.core.terraform;

import io.dativo.core.config.infra.BackendSpec;

/**
 * Where each Terraform backend keeps the state of a workspace (as Terraform itself lays it out), so
 * Dativo can read it with the cloud's SDK without running Terraform.
 */
public final class BackendPaths {
  public static final String DEFAULT_WORKSPACE = "default";

  private BackendPaths() {}

  /**
   * s3: {@code key} for default, else {@code <workspace_key_prefix>/<ws>/<key>} (prefix {@code
   * env:}).
   */
  public static String s3Key(BackendSpec backend, String workspace) {
    String key = backend.setting("key").orElseThrow();
    if (workspace.equals(DEFAULT_WORKSPACE)) {
      return key;
    }

    return backend.setting("workspace_key_prefix").orElse("env:") + "/" + workspace + "/" + key;
  }

  /** gcs: {@code <prefix>/<ws>.tfstate} (no prefix: {@code <ws>.tfstate}). */
  public static String gcsObject(BackendSpec backend, String workspace) {
    String prefix = backend.setting("prefix").map(p -> p.endsWith("/") ? p : p + "/").orElse("");
    return prefix + workspace + ".tfstate";
  }

  /** azurerm: {@code key} for default, else {@code <key>env:<ws>}. */
  public static String azureBlob(BackendSpec backend, String workspace) {
    String key = backend.setting("key").orElseThrow();
    return workspace.equals(DEFAULT_WORKSPACE) ? key : key + "env:" + workspace;
  }
}

package io.dativo.core.terraform;

import io.dativo.core.config.infra.BackendSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a state file from a remote backend with the cloud's SDK. Implementations live in
 * dativo-cloud and are found with {@link java.util.ServiceLoader}.
 */
public interface RemoteStateReader {

  /** The Terraform backend type this reads: s3, gcs or azurerm. */
  String backendType();

  /** A readable name of the state object, e.g. {@code s3://bucket/env:/ws/key}. */
  String location(BackendSpec backend, String workspace);

  /**
   * Opens the state; a missing object is {@link java.io.FileNotFoundException}, any other failure
   * an {@link IOException} with the service's reason.
   */
  InputStream open(BackendSpec backend, String workspace, Map<String, String> env)
      throws IOException;
}

package io.dativo.cloud.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.terraform.BackendPaths;
import io.dativo.core.terraform.RemoteStateReader;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Terraform state from a {@code gcs} backend with the Google Cloud Storage client: {@code
 * bucket}, {@code prefix} ({@code <prefix>/<workspace>.tfstate}), {@code credentials} (a key file)
 * or Application Default Credentials, and {@code storage_custom_endpoint} (an endpoint on loopback,
 * such as a local GCS emulator, is used without credentials).
 */
public final class GcsStateReader implements RemoteStateReader {

  @Override
  public String backendType() {
    return "gcs";
  }

  @Override
  public String location(BackendSpec backend, String workspace) {
    return "gs://"
        + backend.setting("bucket").orElse("?")
        + "/"
        + BackendPaths.gcsObject(backend, workspace);
  }

  @Override
  public InputStream open(BackendSpec backend, String workspace, Map<String, String> env)
      throws IOException {
    Storage storage = storage(backend, env);
    BlobId id =
        BlobId.of(
            backend.setting("bucket").orElseThrow(), BackendPaths.gcsObject(backend, workspace));
    try {
      Blob blob = storage.get(id);
      if (blob == null) {
        throw new FileNotFoundException(location(backend, workspace));
      }

      // A reader channel streams the object, so a large state is never held whole.
      return Channels.newInputStream(blob.reader());
    } catch (StorageException e) {
      if (e.getCode() == 404) {
        throw new FileNotFoundException(location(backend, workspace));
      }

      throw new IOException(e.getMessage(), e);
    }
  }

  private static boolean isLoopback(String endpoint) {
    return io.dativo.core.net.ServiceEndpoints.isLoopback(endpoint);
  }

  static Storage storage(BackendSpec backend, Map<String, String> env) throws IOException {
    StorageOptions.Builder options = StorageOptions.newBuilder();
    Optional<String> endpoint =
        backend
            .setting("storage_custom_endpoint")
            .or(() -> Optional.ofNullable(env.get("GOOGLE_STORAGE_CUSTOM_ENDPOINT")))
            .map(
                e ->
                    io.dativo.core.net.ServiceEndpoints.requireSafe(
                        e, "the GCS backend's storage_custom_endpoint"));
    endpoint.ifPresent(options::setHost);
    Optional<String> keyFile =
        backend
            .setting("credentials")
            .or(() -> Optional.ofNullable(env.get("GOOGLE_BACKEND_CREDENTIALS")));
    Optional<String> project =
        Optional.ofNullable(env.get("GOOGLE_CLOUD_PROJECT"))
            .or(() -> Optional.ofNullable(env.get("GOOGLE_PROJECT")));
    project.ifPresent(options::setProjectId);
    if (keyFile.isPresent()) {
      String value = keyFile.get().trim();
      try (InputStream in =
          value.startsWith("{")
              ? new ByteArrayInputStream(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
              : new FileInputStream(value)) {
        options.setCredentials(GoogleCredentials.fromStream(in));
      }
    } else if (endpoint.filter(GcsStateReader::isLoopback).isPresent()) {
      // A local emulator of the GCS API (fake-gcs-server and the like) takes no credentials.
      options
          .setCredentials(NoCredentials.getInstance())
          .setProjectId(project.orElse("dativo-local"));
    }

    return options.build().getService();
  }
}

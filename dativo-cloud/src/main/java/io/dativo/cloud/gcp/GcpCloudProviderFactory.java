package io.dativo.cloud.gcp;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.config.infra.Infrastructure;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the GCP provider: Application Default Credentials and the job's project; {@code
 * GOOGLE_STORAGE_CUSTOM_ENDPOINT} points the Storage client elsewhere (an endpoint on loopback, a
 * local stand-in, is used without credentials).
 */
public final class GcpCloudProviderFactory implements CloudProviderFactory {
  @Override
  public String id() {
    return "gcp";
  }

  @Override
  public CloudProvider create(Infrastructure infrastructure, Map<String, String> env) {
    StorageOptions.Builder options = StorageOptions.newBuilder();
    infrastructure.projectId().ifPresent(options::setProjectId);
    Optional<String> endpoint = Optional.ofNullable(env.get("GOOGLE_STORAGE_CUSTOM_ENDPOINT"));
    endpoint.ifPresent(options::setHost);
    if (endpoint
        .map(e -> java.net.URI.create(e).getHost())
        .filter(h -> h.equals("localhost") || h.startsWith("127."))
        .isPresent()) {
      options.setCredentials(NoCredentials.getInstance());
    }

    return new GcpCloudProvider(options.build().getService(), infrastructure.projectId());
  }
}

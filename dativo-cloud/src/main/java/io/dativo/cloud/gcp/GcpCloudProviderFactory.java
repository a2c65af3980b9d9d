package io.dativo.cloud.gcp;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.config.infra.Infrastructure;
import java.util.List;
import java.util.Map;

/**
 * Creates the GCP provider: Application Default Credentials and the job's project; {@code
 * GOOGLE_<SERVICE>_CUSTOM_ENDPOINT} points a client elsewhere (see {@link GcpClients}).
 */
public final class GcpCloudProviderFactory implements CloudProviderFactory {
  @Override
  public String id() {
    return "gcp";
  }

  @Override
  public CloudProvider create(Infrastructure infrastructure, Map<String, String> env) {
    GcpClients clients = new GcpClients(env, infrastructure.projectId());
    return new GcpCloudProvider(
        List.of(
            new GcsBuckets(clients),
            new GkeClusters(clients),
            ComputeNetworks.networks(clients),
            ComputeNetworks.subnetworks(clients),
            new BigQueryDatasets(clients),
            new ServiceAccounts(clients)),
        List.of(clients));
  }
}

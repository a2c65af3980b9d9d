package io.dativo.cloud.azure;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.config.infra.Infrastructure;
import java.util.Map;

/**
 * Creates the Azure provider (preview). Credentials: a bearer token in {@code AZURE_ACCESS_TOKEN}
 * (e.g. {@code az account get-access-token --query accessToken -o tsv}); {@code
 * AZURE_RESOURCE_MANAGER_ENDPOINT} points at another ARM endpoint (default {@code
 * https://management.azure.com}; plain http only on loopback, without credentials). Both are read
 * from the {@code env} map passed in, never from the process environment.
 */
public final class AzureCloudProviderFactory implements CloudProviderFactory {
  @Override
  public String id() {
    return "azure";
  }

  @Override
  public CloudProvider create(Infrastructure infrastructure, Map<String, String> env) {
    return create(infrastructure, env, ArmRetry.DEFAULT);
  }

  /** As {@link #create(Infrastructure, Map)}, with other retry bounds (tests shorten the waits). */
  static AzureCloudProvider create(
      Infrastructure infrastructure, Map<String, String> env, ArmRetry retry) {
    return new AzureCloudProvider(AzureArm.connect(env, infrastructure.subscriptionId(), retry));
  }
}

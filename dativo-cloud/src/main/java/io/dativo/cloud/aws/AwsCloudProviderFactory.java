package io.dativo.cloud.aws;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.config.infra.Infrastructure;
import java.util.Map;

/** Creates the AWS provider for a job (found with ServiceLoader). */
public final class AwsCloudProviderFactory implements CloudProviderFactory {
  @Override
  public String id() {
    return "aws";
  }

  @Override
  public CloudProvider create(Infrastructure infrastructure, Map<String, String> env) {
    return new AwsCloudProvider(new AwsClients(env, infrastructure.region()));
  }
}

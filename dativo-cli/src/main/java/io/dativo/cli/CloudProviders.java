package io.dativo.cli;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.ingest.IngestException;
import java.util.ServiceLoader;

/** The cloud provider of a job's infrastructure, from the providers on the classpath. */
final class CloudProviders {
  private CloudProviders() {}

  static CloudProvider open(CliContext context, LoadedJob loaded) {
    Infrastructure infrastructure =
        loaded
            .job()
            .infrastructure()
            .orElseThrow(
                () ->
                    new IngestException(
                        IngestException.Kind.CONFIG,
                        "Cannot manage infrastructure: the job has no infrastructure block",
                        null));
    Cloud cloud =
        infrastructure
            .cloud()
            .orElseThrow(
                () ->
                    new IngestException(
                        IngestException.Kind.CONFIG,
                        "Cannot manage infrastructure: the job names no cloud",
                        "set infrastructure.provider.provider"));
    java.util.List<CloudProviderFactory> factories =
        ServiceLoader.load(CloudProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    return factories.stream()
        .filter(f -> f.id().equals(cloud.id()))
        .findFirst()
        .orElseThrow(
            () ->
                new IngestException(
                    IngestException.Kind.NOT_AVAILABLE,
                    "Cannot manage "
                        + cloud.id()
                        + " infrastructure: the "
                        + cloud.id()
                        + " provider is not available in this version yet",
                    "available: "
                        + String.join(
                            ", ", factories.stream().map(CloudProviderFactory::id).toList())))
        .create(infrastructure, context.env());
  }
}

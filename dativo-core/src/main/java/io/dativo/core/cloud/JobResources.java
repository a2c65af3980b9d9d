package io.dativo.core.cloud;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.ResourceSpec;
import io.dativo.core.config.infra.RuntimeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud resources a job uses: {@code infrastructure.provider.resources} (seed 002), the seed
 * 000 runtime (cluster, bucket, VPC, subnets, security groups), and the effective config's target
 * bucket and Glue database. Each resource once, in that order. Pure.
 */
public final class JobResources {
  private JobResources() {}

  public static List<ResourceRef> of(JobConfig job) {
    Map<String, ResourceRef> resources = new LinkedHashMap<>();
    Optional<Infrastructure> infra = job.infrastructure();
    Optional<String> region = infra.flatMap(Infrastructure::region);
    infra.ifPresent(
        i -> {
          for (ResourceSpec spec : i.resources()) {
            add(
                resources,
                new ResourceRef(
                    spec.type().id(),
                    spec.id(),
                    spec.region().or(() -> region),
                    "infrastructure.provider.resources"));
          }

          i.runtime().ifPresent(runtime -> runtime(resources, runtime, i.cloud(), region));
        });
    boolean aws = infra.flatMap(Infrastructure::cloud).map(c -> c == Cloud.AWS).orElse(true);
    if (aws) {
      nested(job.target(), "connection", "s3", "bucket")
          .ifPresent(
              b ->
                  add(
                      resources,
                      new ResourceRef("s3_bucket", b, region, "target.connection.s3.bucket")));
      nested(job.target(), "catalog", "glue_database")
          .ifPresent(
              d ->
                  add(
                      resources,
                      new ResourceRef("glue_catalog", d, region, "target.catalog.glue_database")));
    }

    return List.copyOf(resources.values());
  }

  /** The resource types a cloud's seed 000 runtime names, and its bucket URI scheme. */
  private record RuntimeTypes(
      String cluster,
      String bucket,
      String bucketScheme,
      String network,
      String subnet,
      Optional<String> securityGroup) {}

  private static final RuntimeTypes AWS_RUNTIME =
      new RuntimeTypes(
          "emr_cluster", "s3_bucket", "^s3a?://", "vpc", "subnet", Optional.of("security_group"));
  private static final RuntimeTypes GCP_RUNTIME =
      new RuntimeTypes(
          "gke_cluster", "gcs_bucket", "^gs://", "network", "subnetwork", Optional.empty());

  private static void runtime(
      Map<String, ResourceRef> resources,
      RuntimeSpec runtime,
      Optional<Cloud> cloud,
      Optional<String> region) {
    Optional<RuntimeTypes> known =
        cloud.flatMap(
            c ->
                c == Cloud.AWS
                    ? Optional.of(AWS_RUNTIME)
                    : c == Cloud.GCP ? Optional.of(GCP_RUNTIME) : Optional.empty());
    if (known.isEmpty()) {
      return;
    }

    RuntimeTypes types = known.get();
    String at = "infrastructure.runtime.";
    runtime
        .compute()
        .flatMap(RuntimeSpec.Compute::clusterId)
        .ifPresent(
            c ->
                add(
                    resources,
                    new ResourceRef(types.cluster(), c, region, at + "compute.cluster_id")));
    runtime
        .storage()
        .flatMap(RuntimeSpec.Storage::bucket)
        .map(b -> b.replaceFirst(types.bucketScheme(), "").replaceFirst("/.*$", ""))
        .ifPresent(
            b -> add(resources, new ResourceRef(types.bucket(), b, region, at + "storage.bucket")));
    runtime
        .network()
        .ifPresent(
            network -> {
              network
                  .vpcId()
                  .ifPresent(
                      v ->
                          add(
                              resources,
                              new ResourceRef(types.network(), v, region, at + "network.vpc_id")));
              network
                  .subnetIds()
                  .forEach(
                      id ->
                          add(
                              resources,
                              new ResourceRef(
                                  types.subnet(), id, region, at + "network.subnet_ids")));
              types
                  .securityGroup()
                  .ifPresent(
                      type ->
                          network
                              .securityGroupIds()
                              .forEach(
                                  g ->
                                      add(
                                          resources,
                                          new ResourceRef(
                                              type,
                                              g,
                                              region,
                                              at + "network.security_group_ids"))));
            });
  }

  /** One entry per resource: an ARN and a bare name of the same bucket are the same bucket. */
  private static void add(Map<String, ResourceRef> resources, ResourceRef resource) {
    String name =
        resource
            .id()
            .replaceFirst("^arn:aws[^:]*:s3:::", "")
            .replaceFirst("^arn:aws[^:]*:glue:[^:]*:[^:]*:database/", "");
    resources.putIfAbsent(resource.type() + ":" + name, resource);
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> nested(Map<String, Object> map, String... path) {
    Object value = map;
    for (String key : path) {
      if (!(value instanceof Map<?, ?> m)) {
        return Optional.empty();
      }

      value = ((Map<String, Object>) m).get(key);
    }

    return value == null || value instanceof Map<?, ?>
        ? Optional.empty()
        : Optional.of(String.valueOf(value));
  }
}

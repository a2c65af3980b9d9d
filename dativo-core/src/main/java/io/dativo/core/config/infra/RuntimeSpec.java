package io.dativo.core.config.infra;

import java.util.List;
import java.util.Optional;

/** {@code infrastructure.runtime} (seed 000): where and on what the job runs. */
public record RuntimeSpec(
    Optional<String> platform,
    Optional<Compute> compute,
    Optional<Storage> storage,
    Optional<Network> network,
    Optional<String> serviceAccount) {

  /** {@code runtime.compute}. */
  public record Compute(
      Optional<String> clusterId,
      Optional<String> instanceType,
      Optional<Long> instanceCount,
      Optional<AutoScaling> autoScaling) {}

  /** {@code runtime.compute.auto_scaling}. */
  public record AutoScaling(
      boolean enabled, Optional<Long> minInstances, Optional<Long> maxInstances) {}

  /** {@code runtime.storage}. */
  public record Storage(Optional<String> bucket, List<Object> volumes, List<String> mountPaths) {
    public Storage {
      volumes = List.copyOf(volumes);
      mountPaths = List.copyOf(mountPaths);
    }
  }

  /** {@code runtime.network}. */
  public record Network(
      Optional<String> vpcId, List<String> subnetIds, List<String> securityGroupIds) {
    public Network {
      subnetIds = List.copyOf(subnetIds);
      securityGroupIds = List.copyOf(securityGroupIds);
    }
  }
}

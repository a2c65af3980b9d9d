package io.dativo.core.config.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code infrastructure} block of a job, normalised from either seed shape into one model.
 *
 * <p>Seed 002 names the cloud ({@code provider: {provider: aws, region, account_id, resources}}).
 * Seed 000 names the IaC tool ({@code provider: terraform}) and a runtime; its cloud is then
 * inferred from {@code runtime.platform} or the storage bucket's scheme ({@link #cloudOrigin}).
 */
public record Infrastructure(
    Optional<String> iacTool,
    Optional<Cloud> cloud,
    CloudOrigin cloudOrigin,
    Optional<String> region,
    Optional<String> accountId,
    Optional<String> projectId,
    Optional<String> subscriptionId,
    List<ResourceSpec> resources,
    Optional<TerraformSpec> terraform,
    Optional<RuntimeSpec> runtime,
    InfraTags tags,
    InfraMetadata metadata,
    Map<String, Object> services,
    Set<SeedShape> shapes) {

  /** Which of the specification's two shapes a block was written in (both may be mixed). */
  public enum SeedShape {
    /** Seed 002, user documentation: {@code provider} is a mapping naming the cloud. */
    CLOUD_PROVIDER,
    /**
     * Seed 000, implementation guide: {@code provider} names the IaC tool, plus {@code runtime}.
     */
    IAC_RUNTIME
  }

  public Infrastructure {
    resources = List.copyOf(resources);
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    shapes = Set.copyOf(shapes);
  }

  public Optional<String> platform() {
    return runtime.flatMap(RuntimeSpec::platform);
  }

  public Optional<String> workspace() {
    return terraform.flatMap(TerraformSpec::workspace);
  }
}

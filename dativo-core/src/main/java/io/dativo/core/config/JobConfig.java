package io.dativo.core.config;

import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.yaml.Location;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A job: what to read, where to write it, for which tenant and environment, under which FinOps and
 * governance tags, on which infrastructure. Immutable; {@code source} and {@code target} keep their
 * connector-specific settings as plain values.
 */
public record JobConfig(
    Path file,
    String tenantId,
    String environment,
    String sourceConnector,
    Optional<Path> sourceConnectorPath,
    String targetConnector,
    Optional<Path> targetConnectorPath,
    String asset,
    Optional<Path> assetPath,
    Map<String, Object> source,
    Map<String, Object> target,
    FinOps finops,
    Map<String, String> classificationOverrides,
    GovernanceOverrides governanceOverrides,
    SchemaValidationMode schemaValidationMode,
    LoggingConfig logging,
    Optional<Infrastructure> infrastructure,
    OverflowPolicy tagOverflow,
    Optional<PolicyConfig> policy,
    MonitoringConfig monitoring,
    Map<String, Location> keyLocations) {

  public JobConfig {
    source = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
    target = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(target));
    classificationOverrides =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(classificationOverrides));
    keyLocations = Map.copyOf(keyLocations);
  }

  /** This job writing to {@code target} instead (its other settings unchanged). */
  public JobConfig withTarget(Map<String, Object> target) {
    return new JobConfig(
        file,
        tenantId,
        environment,
        sourceConnector,
        sourceConnectorPath,
        targetConnector,
        targetConnectorPath,
        asset,
        assetPath,
        source,
        target,
        finops,
        classificationOverrides,
        governanceOverrides,
        schemaValidationMode,
        logging,
        infrastructure,
        tagOverflow,
        policy,
        monitoring,
        keyLocations);
  }

  /** Where a top-level key's value was written, or the file's first line when it is absent. */
  public Location locationOf(String key) {
    return keyLocations.getOrDefault(key, new Location(file, 1, 1));
  }
}

package io.dativo.core.config.infra;

import io.dativo.core.config.yaml.Location;
import java.util.Map;
import java.util.Optional;

/** One resource of {@code infrastructure.provider.resources} (seed 002). */
public record ResourceSpec(
    ResourceType type,
    String id,
    Optional<String> name,
    Optional<String> region,
    Map<String, String> tags,
    Location location) {

  public ResourceSpec {
    tags = Map.copyOf(tags);
  }
}

package io.dativo.core.config.connector;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector: built in (known by name) or described by a recipe file ({@code connectors/*.yaml}).
 */
public record ConnectorRecipe(
    String name,
    Set<ConnectorRole> roles,
    Optional<String> description,
    Optional<Path> file,
    Map<String, Object> settings) {

  public ConnectorRecipe {
    roles = Set.copyOf(roles);
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }

  public boolean canBe(ConnectorRole role) {
    return roles.contains(role);
  }
}

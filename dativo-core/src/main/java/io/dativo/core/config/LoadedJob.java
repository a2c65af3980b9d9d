package io.dativo.core.config;

import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.connector.ConnectorRecipe;
import java.util.List;
import java.util.Optional;

/**
 * A job with everything it names, loaded and cross-checked: its asset (absent only where the
 * command allows it), its source and target connectors, and the warnings found on the way.
 */
public record LoadedJob(
    JobConfig job,
    Optional<AssetDefinition> asset,
    ConnectorRecipe sourceConnector,
    ConnectorRecipe targetConnector,
    List<ConfigProblem> warnings) {

  public LoadedJob {
    warnings = List.copyOf(warnings);
  }
}

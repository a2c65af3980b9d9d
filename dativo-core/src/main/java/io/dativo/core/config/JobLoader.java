package io.dativo.core.config;

import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.AssetLoader;
import io.dativo.core.config.asset.Column;
import io.dativo.core.config.connector.BuiltInConnectors;
import io.dativo.core.config.connector.ConnectorRecipe;
import io.dativo.core.config.connector.ConnectorRecipeLoader;
import io.dativo.core.config.connector.ConnectorRole;
import io.dativo.core.config.yaml.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a job and the asset and connector recipes it names, and checks them against each other.
 * Throws one {@link ConfigException} listing every problem in every file.
 */
public final class JobLoader {

  /** Whether a command needs the asset (runs do; {@code infra} commands can do without). */
  public enum AssetRequirement {
    REQUIRED,
    OPTIONAL
  }

  private final Map<String, String> env;
  private final JobTreeTransform transform;

  public JobLoader(Map<String, String> env) {
    this(env, JobTreeTransform.NONE);
  }

  /** A loader that rewrites each job's tree (e.g. with Terraform outputs) before binding it. */
  public JobLoader(Map<String, String> env, JobTreeTransform transform) {
    this.env = Map.copyOf(env);
    this.transform = transform;
  }

  /** This loader, rewriting each job's tree with {@code transform} before binding it. */
  public JobLoader withTransform(JobTreeTransform transform) {
    return new JobLoader(env, transform);
  }

  public LoadedJob load(Path jobFile, AssetRequirement assetRequirement) {
    Problems problems = new Problems();
    Optional<JobConfig> job = new JobConfigLoader(env, transform).load(jobFile, problems);
    if (job.isEmpty()) {
      throw new ConfigException(jobFile, problems.errors());
    }

    Optional<AssetDefinition> asset = loadAsset(job.get(), assetRequirement, problems);
    Optional<ConnectorRecipe> source = connector(job.get(), ConnectorRole.SOURCE, problems);
    Optional<ConnectorRecipe> target = connector(job.get(), ConnectorRole.TARGET, problems);
    asset.ifPresent(a -> crossCheck(job.get(), a, problems));
    if (problems.hasErrors()) {
      throw new ConfigException(jobFile, problems.errors());
    }

    JobConfig resolved = job.get();
    if (resolved.asset().isEmpty() && asset.isPresent()) {
      resolved = withAssetName(resolved, asset.get().name());
    }

    return new LoadedJob(
        resolved, asset, source.orElseThrow(), target.orElseThrow(), problems.warnings());
  }

  private Optional<AssetDefinition> loadAsset(
      JobConfig job, AssetRequirement requirement, Problems problems) {
    Location at =
        job.locationOf(
            job.keyLocations().containsKey("asset_path") ? "asset_path" : "asset_definition");
    if (job.assetPath().isEmpty()) {
      if (requirement == AssetRequirement.REQUIRED) {
        problems.error(
            at,
            "asset_path",
            "required key is missing",
            "the path of the asset's ODCS data contract");
      } else {
        problems.warn(
            at,
            "asset_path",
            "no asset_path: asset-derived tags (owner, domain, classification, compliance) are left out",
            "add asset_path to include them");
      }

      return Optional.empty();
    }

    Path path = job.assetPath().get();
    if (!Files.isRegularFile(path)) {
      problems.error(
          at, "asset_path", "asset file not found: " + path, "paths are relative to the job file");
      return Optional.empty();
    }

    return new AssetLoader(env)
        .load(path, problems, Optional.of(job.asset()).filter(a -> !a.isBlank()));
  }

  private static Optional<ConnectorRecipe> connector(
      JobConfig job, ConnectorRole role, Problems problems) {
    String name = role == ConnectorRole.SOURCE ? job.sourceConnector() : job.targetConnector();
    Optional<Path> path =
        role == ConnectorRole.SOURCE ? job.sourceConnectorPath() : job.targetConnectorPath();
    String key = role.id() + "_connector";
    Location at = job.locationOf(path.isPresent() ? key + "_path" : key);
    Optional<ConnectorRecipe> recipe;
    if (path.isPresent()) {
      if (!Files.isRegularFile(path.get())) {
        problems.error(
            at,
            key + "_path",
            "connector recipe not found: " + path.get(),
            "paths are relative to the job file");
        return Optional.empty();
      }

      recipe = ConnectorRecipeLoader.load(path.get(), problems);
      recipe
          .filter(r -> !r.name().equals(name))
          .ifPresent(
              r ->
                  problems.error(
                      at,
                      key,
                      "the job names connector '"
                          + name
                          + "' but "
                          + path.get().getFileName()
                          + " describes '"
                          + r.name()
                          + "'",
                      "make them match"));
    } else {
      recipe = BuiltInConnectors.named(name);
      if (recipe.isEmpty()) {
        List<String> known =
            BuiltInConnectors.ALL.values().stream()
                .filter(r -> r.canBe(role))
                .map(ConnectorRecipe::name)
                .toList();
        problems.error(
            at,
            key,
            "unknown " + role.id() + " connector '" + name + "'",
            Suggestions.closest(name, known)
                .map(c -> "did you mean '" + c + "'?")
                .orElse(
                    "built-in "
                        + role.id()
                        + "s: "
                        + String.join(", ", known)
                        + "; or give "
                        + key
                        + "_path"));
      }
    }

    recipe
        .filter(r -> !r.canBe(role))
        .ifPresent(
            r ->
                problems.error(
                    at, key, "connector '" + r.name() + "' cannot be a " + role.id(), null));
    return recipe;
  }

  private static void crossCheck(JobConfig job, AssetDefinition asset, Problems problems) {
    Location at = job.locationOf("asset");
    if (!job.asset().isEmpty() && !job.asset().equals(asset.name())) {
      problems.error(
          at,
          "asset",
          "the job names asset '"
              + job.asset()
              + "' but "
              + asset.file().getFileName()
              + " defines '"
              + asset.name()
              + "'",
          "make them match, or point asset_path at the right file");
    }

    asset
        .tenant()
        .filter(t -> !t.equals(job.tenantId()))
        .ifPresent(
            t ->
                problems.error(
                    job.locationOf("tenant_id"),
                    "tenant_id",
                    "the asset belongs to tenant '"
                        + t
                        + "' but the job runs for '"
                        + job.tenantId()
                        + "'",
                    null));
    List<String> columns = asset.columns().stream().map(Column::name).toList();
    job.classificationOverrides().keySet().stream()
        .filter(c -> !c.equals("default") && !columns.isEmpty() && !columns.contains(c))
        .forEach(
            c ->
                problems.error(
                    job.locationOf("classification_overrides"),
                    "classification_overrides." + c,
                    "no column '" + c + "' in asset " + asset.name(),
                    Suggestions.closest(c, columns)
                        .map(s -> "did you mean '" + s + "'?")
                        .orElse("use a column name or 'default'")));
  }

  private static JobConfig withAssetName(JobConfig job, String asset) {
    return new JobConfig(
        job.file(),
        job.tenantId(),
        job.environment(),
        job.sourceConnector(),
        job.sourceConnectorPath(),
        job.targetConnector(),
        job.targetConnectorPath(),
        asset,
        job.assetPath(),
        job.source(),
        job.target(),
        job.finops(),
        job.classificationOverrides(),
        job.governanceOverrides(),
        job.schemaValidationMode(),
        job.logging(),
        job.infrastructure(),
        job.tagOverflow(),
        job.policy(),
        job.monitoring(),
        job.keyLocations());
  }
}

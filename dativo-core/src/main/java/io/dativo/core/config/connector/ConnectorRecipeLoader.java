package io.dativo.core.config.connector;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.ConfigKeys;
import io.dativo.core.config.EnvSubstitutor;
import io.dativo.core.config.Problems;
import io.dativo.core.config.Section;
import io.dativo.core.config.Suggestions;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads and validates a connector recipe file. */
public final class ConnectorRecipeLoader {
  private static final List<String> ROLES = List.of("source", "target");

  private ConnectorRecipeLoader() {}

  /**
   * Loads {@code file}; {@code ${VAR}} references are left for the job that uses the recipe
   * (recipes are templates), so only their syntax is checked here.
   */
  public static Optional<ConnectorRecipe> load(Path file, Problems problems) {
    YamlNode root;
    try {
      root = YamlReader.read(file);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }

    Problems templateProblems = new Problems();
    new EnvSubstitutor(Map.of()).substitute(root, templateProblems);
    templateProblems.errors().stream()
        .filter(p -> !p.message().contains("is not set"))
        .forEach(p -> problems.addAll(List.of(p)));
    return Section.of(root, problems).flatMap(recipe -> bind(file, recipe));
  }

  private static Optional<ConnectorRecipe> bind(Path file, Section recipe) {
    recipe.rejectUnknownKeys(ConfigKeys.CONNECTOR);
    Optional<String> name = recipe.requiredString("name", "the connector's name, e.g. stripe");
    Set<ConnectorRole> roles = EnumSet.noneOf(ConnectorRole.class);
    List<String> declared = recipe.stringList("roles");
    for (String role : declared) {
      if (ROLES.contains(role)) {
        roles.add(ConnectorRole.valueOf(role.toUpperCase(java.util.Locale.ROOT)));
      } else {
        recipe
            .problems()
            .error(
                recipe.node("roles").orElseThrow(),
                "unknown role '" + role + "'",
                Suggestions.hint(role, ROLES));
      }
    }

    if (declared.isEmpty()) {
      name.flatMap(BuiltInConnectors::named).ifPresent(b -> roles.addAll(b.roles()));
    }

    if (roles.isEmpty() && declared.isEmpty()) {
      recipe
          .problems()
          .error(
              recipe.map().location(),
              recipe.childPath("roles"),
              "required key is missing",
              "roles: [source] or roles: [target]");
    }

    Map<String, Object> settings = new LinkedHashMap<>();
    recipe
        .map()
        .entries()
        .forEach(
            (key, entry) -> {
              if (!List.of("name", "roles", "description").contains(key)) {
                settings.put(key, entry.value().toPlain());
              }
            });
    return name.map(
        n ->
            new ConnectorRecipe(
                n, roles, recipe.string("description"), Optional.of(file), settings));
  }
}

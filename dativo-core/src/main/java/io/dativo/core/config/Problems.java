package io.dativo.core.config;

import io.dativo.core.config.yaml.Location;
import io.dativo.core.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem and warning found while loading, so the user sees them all at once. */
public final class Problems {
  private final List<ConfigProblem> errors = new ArrayList<>();
  private final List<ConfigProblem> warnings = new ArrayList<>();

  public void error(YamlNode node, String message) {
    errors.add(ConfigProblem.of(node.location(), node.path(), message));
  }

  public void error(YamlNode node, String message, String hint) {
    errors.add(ConfigProblem.withHint(node.location(), node.path(), message, hint));
  }

  public void error(Location location, String path, String message, String hint) {
    errors.add(ConfigProblem.withHint(location, path, message, hint));
  }

  public void warn(Location location, String path, String message, String hint) {
    warnings.add(ConfigProblem.withHint(location, path, message, hint));
  }

  public void addAll(List<ConfigProblem> more) {
    errors.addAll(more);
  }

  public void addWarnings(List<ConfigProblem> more) {
    warnings.addAll(more);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<ConfigProblem> errors() {
    return List.copyOf(errors);
  }

  public List<ConfigProblem> warnings() {
    return List.copyOf(warnings);
  }
}

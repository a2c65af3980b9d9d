package io.dativo.core.config;

import io.dativo.core.config.yaml.Location;
import java.util.Optional;

/**
 * One thing wrong with a configuration file: where ({@code file:line:col}), which key (a dotted
 * path such as {@code infrastructure.provider.region}), what is wrong, and a hint when one exists.
 */
public record ConfigProblem(Location location, String path, String message, Optional<String> hint) {

  public static ConfigProblem of(Location location, String path, String message) {
    return new ConfigProblem(location, path, message, Optional.empty());
  }

  public static ConfigProblem withHint(
      Location location, String path, String message, String hint) {
    return new ConfigProblem(location, path, message, Optional.ofNullable(hint));
  }

  /** Renders as {@code file:line:col: path: message (hint)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(location.toString()).append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }

    text.append(message);
    hint.ifPresent(h -> text.append(" (").append(h).append(')'));
    return text.toString();
  }
}

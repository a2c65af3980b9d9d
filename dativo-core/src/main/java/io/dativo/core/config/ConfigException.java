package io.dativo.core.config;

import io.dativo.core.DativoException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A configuration is invalid; carries every problem found, not only the first. */
public final class ConfigException extends DativoException {
  private final Path file;
  private final List<ConfigProblem> problems;

  public ConfigException(Path file, List<ConfigProblem> problems) {
    super(render(file, problems), null);
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public Path file() {
    return file;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(Path file, List<ConfigProblem> problems) {
    String header =
        problems.size() == 1
            ? "Invalid configuration"
            : "Invalid configuration (" + problems.size() + " problems)";
    return header
        + (file == null ? "" : " in " + file)
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}

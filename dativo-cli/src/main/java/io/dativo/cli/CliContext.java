package io.dativo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from the outside world, passed in so tests can run commands in-process:
 * the output streams, the environment, and the working directory.
 */
public record CliContext(
    PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir, boolean terminal) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean color() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * The time tags are stamped with: {@code SOURCE_DATE_EPOCH} (seconds) when set, so output is
   * reproducible, otherwise the clock.
   */
  public java.time.Instant now() {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.trim().matches("\\d+")) {
      return java.time.Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
    }

    return java.time.Instant.now();
  }

  /** Asks a yes/no question on the terminal; false when there is none. */
  public boolean confirm(String question) {
    java.io.Console console = System.console();
    if (!terminal || console == null) {
      return false;
    }

    String answer = console.readLine("%s", question);
    return answer != null && answer.trim().equals("yes");
  }

  public Path resolve(Path path) {
    return path.isAbsolute() ? path : workingDir.resolve(path).normalize();
  }
}

package io.dativo.core.config.yaml;

import java.nio.file.Path;

/** Where a value was written: a file and a 1-based line and column. */
public record Location(Path file, int line, int column) {

  public static Location unknown(Path file) {
    return new Location(file, 0, 0);
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    String name = file == null ? "<input>" : file.toString();
    return isKnown() ? name + ":" + line + ":" + column : name;
  }
}

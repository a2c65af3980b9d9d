package io.dativo.cli.output;

import java.nio.file.Path;

/** Shows paths relative to the working directory when they are inside it. */
final class Paths {
  private Paths() {}

  static String show(Path workingDir, Path path) {
    if (path == null) {
      return "<input>";
    }

    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(workingDir)
        ? workingDir.relativize(absolute).toString()
        : absolute.toString();
  }
}

package io.dativo.cli.output;

import io.dativo.core.config.ConfigProblem;
import java.nio.file.Path;

/** One problem as a line of text: {@code file:line:col: path: message (hint)}. */
final class ProblemText {
  private ProblemText() {}

  static String render(Path workingDir, ConfigProblem problem, Style style) {
    StringBuilder line =
        new StringBuilder(style.bold(Paths.show(workingDir, problem.location().file())));
    if (problem.location().isKnown()) {
      line.append(':')
          .append(problem.location().line())
          .append(':')
          .append(problem.location().column());
    }

    line.append(": ");
    if (!problem.path().isEmpty()) {
      line.append(style.cyan(problem.path())).append(": ");
    }

    line.append(problem.message());
    problem.hint().ifPresent(h -> line.append(" (").append(h).append(')'));
    return line.toString();
  }
}

package io.dativo.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.config.ConfigException;
import java.nio.file.Path;

/** An invalid configuration, rendered for people (stderr) or programs (JSON). */
public record ErrorReport(Path workingDir, ConfigException exception) {

  public static ErrorReport of(Path workingDir, ConfigException exception) {
    return new ErrorReport(workingDir, exception);
  }

  public String toText(boolean color) {
    Style style = new Style(color);
    int count = exception.problems().size();
    StringBuilder text =
        new StringBuilder(style.red("error:"))
            .append(" invalid configuration")
            .append(exception.file() == null ? "" : " " + Paths.show(workingDir, exception.file()))
            .append(count == 1 ? "" : " (" + count + " problems)")
            .append('\n');
    exception
        .problems()
        .forEach(
            p -> text.append("  ").append(ProblemText.render(workingDir, p, style)).append('\n'));
    return text.toString();
  }

  public String toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("valid", false);
    root.put("file", Paths.show(workingDir, exception.file()));
    Json.addProblems(root, "problems", workingDir, exception.problems());
    return Json.write(root);
  }
}

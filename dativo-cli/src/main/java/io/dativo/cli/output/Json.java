package io.dativo.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;

/** JSON output shared by the reports. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render JSON", e);
    }
  }

  static void addProblems(
      ObjectNode parent, String field, Path workingDir, List<ConfigProblem> problems) {
    var array = parent.putArray(field);
    for (ConfigProblem problem : problems) {
      ObjectNode node = array.addObject();
      node.put("file", Paths.show(workingDir, problem.location().file()));
      node.put("line", problem.location().line());
      node.put("column", problem.location().column());
      node.put("path", problem.path());
      node.put("message", problem.message());
      problem.hint().ifPresentOrElse(h -> node.put("hint", h), () -> node.putNull("hint"));
    }
  }
}

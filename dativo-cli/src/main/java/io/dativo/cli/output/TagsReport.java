package io.dativo.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.ResolvedTag;
import io.dativo.core.tags.TagSet;
import io.dativo.core.tags.rules.Adjustment;
import io.dativo.core.tags.rules.Rendering;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The output of {@code dativo infra tags}: a rendering, optionally with provenance. */
public record TagsReport(Path workingDir, LoadedJob loaded, TagSet tags, Rendering rendering) {

  /** JSON: key to value; with {@code explain}, key to an object with value and provenance. */
  public String toJson(boolean explain) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    rendering
        .values()
        .forEach(
            (key, value) -> {
              if (!explain) {
                root.put(key, value);
                return;
              }

              ObjectNode node = root.putObject(key);
              node.put("value", value);
              String source = rendering.sources().get(key);
              Optional<ResolvedTag> tag = tags.tag(source);
              node.put("tag", tag.map(ResolvedTag::key).orElse(null));
              node.put("source", tag.map(t -> t.source().label()).orElse("job configuration"));
              node.put("origin", tag.map(t -> t.origin().describe(workingDir)).orElse(source));
              var overrode = node.putArray("overrode");
              tag.ifPresent(
                  t ->
                      t.overrode()
                          .forEach(
                              o -> {
                                ObjectNode old = overrode.addObject();
                                old.put("value", o.value());
                                old.put("source", o.origin().source().label());
                                old.put("origin", o.origin().describe(workingDir));
                              }));
              var changes = node.putArray("adjustments");
              adjustmentsOf(tag.map(ResolvedTag::key).orElse(key))
                  .forEach(a -> changes.add(a.toString()));
            });
    if (explain) {
      var dropped = root.putArray("_dropped");
      rendering.adjustments().stream()
          .filter(a -> a.kind() == Adjustment.Kind.DROPPED)
          .forEach(a -> dropped.add(a.toString()));
      if (dropped.isEmpty()) {
        root.remove("_dropped");
      }
    }

    return Json.write(root);
  }

  public String toText(boolean explain, boolean color) {
    Style style = new Style(color);
    Map<String, String> values = rendering.values();
    int width = values.keySet().stream().mapToInt(String::length).max().orElse(3);
    StringBuilder text = new StringBuilder();
    if (!explain) {
      values.forEach(
          (key, value) -> text.append(pad(key, width)).append("  ").append(value).append('\n'));
      return text.toString();
    }

    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KEY", "VALUE", "SOURCE", "SET AT", "OVERRODE"});
    values.forEach(
        (key, value) -> {
          Optional<ResolvedTag> tag = tags.tag(rendering.sources().get(key));
          String overrode =
              tag.map(
                      t ->
                          String.join(
                              "; ",
                              t.overrode().stream()
                                  .map(
                                      o ->
                                          "'"
                                              + o.value()
                                              + "' ("
                                              + o.origin().source().label()
                                              + ")")
                                  .toList()))
                  .orElse("");
          rows.add(
              new String[] {
                key,
                value,
                tag.map(t -> t.source().label()).orElse("job configuration"),
                tag.map(t -> t.origin().describe(workingDir)).orElse(rendering.sources().get(key)),
                overrode
              });
        });
    int[] widths = new int[5];
    rows.forEach(
        r -> {
          for (int i = 0; i < 5; i++) widths[i] = Math.max(widths[i], r[i].length());
        });
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        line.append(i == 4 ? row[i] : pad(row[i], widths[i]) + "  ");
      }

      text.append(
              r == 0
                  ? style.bold(line.toString().stripTrailing())
                  : line.toString().stripTrailing())
          .append('\n');
    }

    if (!rendering.adjustments().isEmpty()) {
      text.append('\n')
          .append(style.bold("Changes made to fit " + rendering.target() + ":"))
          .append('\n');
      rendering.adjustments().forEach(a -> text.append("  ").append(a).append('\n'));
    }

    return text.toString();
  }

  /** Every lossy change, for stderr, so nothing changes or disappears silently. */
  public String warningsText(boolean color) {
    Style style = new Style(color);
    StringBuilder text = new StringBuilder();
    loaded
        .warnings()
        .forEach(
            w ->
                text.append(style.yellow("warning:"))
                    .append(' ')
                    .append(ProblemText.render(workingDir, w, style))
                    .append('\n'));
    rendering
        .adjustments()
        .forEach(
            a ->
                text.append(style.yellow("warning:"))
                    .append(' ')
                    .append(rendering.target())
                    .append(": ")
                    .append(a)
                    .append('\n'));
    return text.toString();
  }

  private List<Adjustment> adjustmentsOf(String tag) {
    return rendering.adjustments().stream().filter(a -> a.tag().equals(tag)).toList();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}

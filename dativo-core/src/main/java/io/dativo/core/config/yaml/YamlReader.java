package io.dativo.core.config.yaml;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.ConfigProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML document into a {@link YamlNode} tree that keeps the line and column of every key
 * and value, so validation can point at the exact place to fix. Duplicate keys are an error (YAML
 * forbids them, and silently keeping the last one hides typos); merge keys ({@code <<}) are
 * applied.
 */
public final class YamlReader {
  private static final int MAX_DOCUMENT_CODE_POINTS = 64 * 1024 * 1024;

  private YamlReader() {}

  /**
   * Reads a file; a missing file, a syntax error or an empty document is a {@link ConfigException}.
   */
  public static YamlNode read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file,
          List.of(
              ConfigProblem.of(Location.unknown(file), "", "Cannot read file: it does not exist")));
    } catch (IOException e) {
      throw new ConfigException(
          file,
          List.of(
              ConfigProblem.of(Location.unknown(file), "", "Cannot read file: " + e.getMessage())));
    }

    return read(file, text);
  }

  /** Reads YAML text that came from {@code file} (used only to name locations). */
  public static YamlNode read(Path file, String text) {
    Node root;
    try (Reader reader = new StringReader(text)) {
      root = newYaml().compose(reader);
    } catch (MarkedYAMLException e) {
      throw new ConfigException(file, List.of(syntaxProblem(file, e)));
    } catch (YAMLException | IOException e) {
      throw new ConfigException(
          file,
          List.of(ConfigProblem.of(Location.unknown(file), "", "Invalid YAML: " + e.getMessage())));
    }

    if (root == null) {
      throw new ConfigException(
          file,
          List.of(
              ConfigProblem.of(
                  new Location(file, 1, 1),
                  "",
                  "Cannot load an empty document: expected a mapping")));
    }

    List<ConfigProblem> problems = new ArrayList<>();
    YamlNode tree = new Converter(file, problems).convert(root, "");
    if (!problems.isEmpty()) {
      throw new ConfigException(file, problems);
    }

    return tree;
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static ConfigProblem syntaxProblem(Path file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Location location =
        mark == null
            ? Location.unknown(file)
            : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
    String context = e.getContext() == null ? "" : " " + e.getContext();
    return ConfigProblem.withHint(
        location,
        "",
        "Invalid YAML: " + problem + context,
        "check indentation and quoting near this line; values containing ': ' or ' #' need quotes");
  }

  private static Location locate(Path file, Node node) {
    Mark mark = node.getStartMark();
    return mark == null
        ? Location.unknown(file)
        : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Converts SnakeYAML's node graph, remembering paths; aliases are expanded. */
  private record Converter(Path file, List<ConfigProblem> problems) {

    YamlNode convert(Node node, String path) {
      if (node instanceof ScalarNode scalar) {
        return new YamlScalar(scalar.getValue(), typeOf(scalar), locate(file, node), path);
      }

      if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
          items.add(convert(sequence.getValue().get(i), path + "[" + i + "]"));
        }

        return new YamlList(items, locate(file, node), path);
      }

      MappingNode mapping = (MappingNode) node;
      Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
      List<NodeTuple> merged = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (Tag.MERGE.equals(keyNode.getTag())) {
          merged.add(tuple);
          continue;
        }

        addEntry(entries, keyNode, tuple.getValueNode(), path, true);
      }

      for (NodeTuple tuple : merged) {
        mergeInto(entries, tuple.getValueNode(), path);
      }

      return new YamlMap(entries, locate(file, node), path);
    }

    private void mergeInto(Map<String, YamlMap.Entry> entries, Node source, String path) {
      if (source instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          addEntry(entries, tuple.getKeyNode(), tuple.getValueNode(), path, false);
        }
      } else if (source instanceof SequenceNode sequence) {
        sequence.getValue().forEach(item -> mergeInto(entries, item, path));
      } else {
        problems.add(
            ConfigProblem.of(locate(file, source), path, "Cannot merge '<<': expected a mapping"));
      }
    }

    private void addEntry(
        Map<String, YamlMap.Entry> entries,
        Node keyNode,
        Node valueNode,
        String path,
        boolean explicit) {
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.add(
            ConfigProblem.of(
                locate(file, keyNode),
                path,
                "Cannot use a list or mapping as a key: expected a name"));
        return;
      }

      String key = keyScalar.getValue();
      String childPath = path.isEmpty() ? key : path + "." + key;
      if (entries.containsKey(key)) {
        if (explicit) {
          problems.add(
              ConfigProblem.withHint(
                  locate(file, keyNode),
                  childPath,
                  "duplicate key (first set at line " + entries.get(key).keyLocation().line() + ")",
                  "remove one of the two"));
        }

        return;
      }

      entries.put(
          key, new YamlMap.Entry(key, locate(file, keyNode), convert(valueNode, childPath)));
    }

    private static YamlScalar.ScalarType typeOf(ScalarNode scalar) {
      Tag tag = scalar.getTag();
      if (Tag.INT.equals(tag)) {
        return YamlScalar.ScalarType.INTEGER;
      }

      if (Tag.FLOAT.equals(tag)) {
        return YamlScalar.ScalarType.FLOAT;
      }

      if (Tag.BOOL.equals(tag)) {
        return YamlScalar.ScalarType.BOOLEAN;
      }

      if (Tag.NULL.equals(tag)) {
        return YamlScalar.ScalarType.NULL;
      }

      return YamlScalar.ScalarType.STRING;
    }
  }
}

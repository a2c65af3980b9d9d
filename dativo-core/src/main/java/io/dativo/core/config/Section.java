package io.dativo.core.config;

import io.dativo.core.config.yaml.YamlList;
import io.dativo.core.config.yaml.YamlMap;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, checked reads of one YAML mapping. Each read reports a wrong type at the value's location;
 * {@link #rejectUnknownKeys} reports keys the shape does not know, with a "did you mean".
 */
public final class Section {
  private final YamlMap map;
  private final Problems problems;

  private Section(YamlMap map, Problems problems) {
    this.map = map;
    this.problems = problems;
  }

  /** A section over {@code node}, or empty (with a problem) when it is not a mapping. */
  public static Optional<Section> of(YamlNode node, Problems problems) {
    if (node instanceof YamlMap map) {
      return Optional.of(new Section(map, problems));
    }

    if (node instanceof YamlScalar scalar && scalar.isNull()) {
      return Optional.empty();
    }

    problems.error(node, "expected a mapping of keys to values, found " + node.kind());
    return Optional.empty();
  }

  public YamlMap map() {
    return map;
  }

  public Problems problems() {
    return problems;
  }

  public boolean has(String key) {
    return map.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull())).isPresent();
  }

  public Optional<YamlNode> node(String key) {
    return map.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull()));
  }

  public Optional<Section> section(String key) {
    return node(key).flatMap(node -> Section.of(node, problems));
  }

  /** A string value; numbers and booleans are accepted as their text (YAML users rarely quote). */
  public Optional<String> string(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }

    if (node.get() instanceof YamlScalar scalar) {
      return Optional.of(scalar.value());
    }

    problems.error(node.get(), "expected a string, found " + node.get().kind());
    return Optional.empty();
  }

  public Optional<String> requiredString(String key, String hint) {
    Optional<String> value = string(key);
    if (value.isEmpty() && !has(key) && !misspelt(key)) {
      problems.error(
          map.location(),
          map.childPath(key),
          "required key is missing" + (map.path().isEmpty() ? "" : " in " + map.path()),
          hint);
    } else if (value.isPresent() && value.get().isBlank()) {
      problems.error(node(key).orElseThrow(), "must not be blank", hint);
      return Optional.empty();
    }

    return value.filter(v -> !v.isBlank());
  }

  /** Whether another key looks like a typo of {@code key} (already reported as unknown). */
  private boolean misspelt(String key) {
    return map.keys().stream()
        .filter(k -> !k.equals(key))
        .anyMatch(k -> Suggestions.closest(k, List.of(key)).isPresent());
  }

  public Optional<Long> integer(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }

    if (node.get() instanceof YamlScalar scalar && scalar.asLong().isPresent()) {
      return scalar.asLong();
    }

    problems.error(node.get(), "expected an integer, found " + describe(node.get()));
    return Optional.empty();
  }

  public Optional<Boolean> bool(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }

    if (node.get() instanceof YamlScalar scalar && scalar.asBoolean().isPresent()) {
      return scalar.asBoolean();
    }

    problems.error(node.get(), "expected true or false, found " + describe(node.get()));
    return Optional.empty();
  }

  /** A list of strings; a single string is read as a one-element list. */
  public List<String> stringList(String key) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return List.of();
    }

    return stringList(node.get(), problems);
  }

  /** A list of strings from {@code node}; a single string is a one-element list. */
  public static List<String> stringList(YamlNode node, Problems problems) {
    if (node instanceof YamlScalar scalar) {
      return scalar.isNull() ? List.of() : List.of(scalar.value());
    }

    if (node instanceof YamlList list) {
      List<String> values = new ArrayList<>();
      for (YamlNode item : list.items()) {
        if (item instanceof YamlScalar scalar && !scalar.isNull()) {
          values.add(scalar.value());
        } else {
          problems.error(item, "expected a string, found " + item.kind());
        }
      }

      return List.copyOf(values);
    }

    problems.error(node, "expected a list of strings, found " + node.kind());
    return List.of();
  }

  /** A mapping of names to scalar values, as strings. */
  public Map<String, String> stringMap(String key) {
    return section(key).map(Section::asStringMap).orElse(Map.of());
  }

  public Map<String, String> asStringMap() {
    Map<String, String> values = new LinkedHashMap<>();
    map.entries()
        .forEach(
            (k, entry) -> {
              if (entry.value() instanceof YamlScalar scalar && !scalar.isNull()) {
                values.put(k, scalar.value());
              } else {
                problems.error(
                    entry.value(), "expected a single value, found " + entry.value().kind());
              }
            });
    return values;
  }

  /** A free-form value as plain Java values (Map, List, String, Long, Double, Boolean). */
  public Optional<Object> plain(String key) {
    return node(key).map(YamlNode::toPlain);
  }

  public Map<String, Object> plainMap(String key) {
    Optional<Section> section = section(key);
    if (section.isEmpty()) {
      return Map.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) section.get().map.toPlain();
    return plain;
  }

  /** Reports every key not in {@code known}, with the closest known key as a suggestion. */
  public void rejectUnknownKeys(Collection<String> known) {
    map.entries()
        .forEach(
            (key, entry) -> {
              if (!known.contains(key)) {
                problems.error(
                    entry.keyLocation(),
                    map.childPath(key),
                    "unknown key" + (map.path().isEmpty() ? "" : " in " + map.path()),
                    Suggestions.closest(key, known)
                        .map(c -> "did you mean '" + c + "'?")
                        .orElse("known keys: " + String.join(", ", known)));
              }
            });
  }

  public String childPath(String key) {
    return map.childPath(key);
  }

  static String describe(YamlNode node) {
    if (node instanceof YamlScalar scalar && scalar.type() != YamlScalar.ScalarType.SECRET) {
      return "'" + scalar.value() + "'";
    }

    return node.kind();
  }
}

package io.dativo.core.terraform;

import io.dativo.core.config.Problems;
import io.dativo.core.config.Secret;
import io.dativo.core.config.infra.OutputMapping;
import io.dativo.core.config.yaml.Location;
import io.dativo.core.config.yaml.YamlList;
import io.dativo.core.config.yaml.YamlMap;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes mapped Terraform outputs into a job's YAML tree at their dotted paths, before the job is
 * bound, so everything downstream sees the effective configuration. Missing outputs, paths through
 * a scalar and type clashes are problems; a value the job already had is replaced, with a warning.
 */
public final class OutputOverlay {
  private OutputOverlay() {}

  /** One output written into the job, for display ({@code (sensitive)} for secrets). */
  public record Applied(String output, String path, OutputValue value) {}

  /** The effective tree and what was applied. */
  public record Result(YamlNode tree, List<Applied> applied) {}

  public static Result apply(
      YamlNode root, List<OutputMapping> mappings, TerraformOutputs outputs, Problems problems) {
    YamlNode tree = root;
    List<Applied> applied = new ArrayList<>();
    for (OutputMapping mapping : mappings) {
      Optional<OutputValue> value = outputs.output(mapping.output());
      if (value.isEmpty()) {
        problems.error(
            mapping.location(),
            "infrastructure.terraform.outputs." + mapping.output(),
            "Terraform output '"
                + mapping.output()
                + "' not found in "
                + outputs.location()
                + " (workspace "
                + outputs.workspace()
                + ")",
            outputs.names().isEmpty()
                ? "the state has no outputs: has 'terraform apply' run in this workspace?"
                : "outputs that exist: " + String.join(", ", outputs.names()));
        continue;
      }

      Optional<YamlNode> updated = set(tree, mapping, value.get(), problems);
      if (updated.isPresent()) {
        tree = updated.get();
        applied.add(new Applied(mapping.output(), mapping.targetPath(), value.get()));
      }
    }

    return new Result(tree, List.copyOf(applied));
  }

  private static Optional<YamlNode> set(
      YamlNode root, OutputMapping mapping, OutputValue value, Problems problems) {
    String[] keys = mapping.targetPath().split("\\.");
    YamlNode node = toNode(value.forConfig(), mapping.location(), mapping.targetPath());
    return setIn((YamlMap) root, keys, 0, node, mapping, problems);
  }

  private static Optional<YamlNode> setIn(
      YamlMap map,
      String[] keys,
      int index,
      YamlNode value,
      OutputMapping mapping,
      Problems problems) {
    String key = keys[index];
    String path = map.childPath(key);
    Optional<YamlNode> existing =
        map.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull()));
    YamlNode replacement;
    if (index == keys.length - 1) {
      if (existing.isPresent() && !sameShape(existing.get(), value)) {
        problems.error(
            mapping.location(),
            "infrastructure.terraform.outputs." + mapping.output(),
            "Cannot write output '"
                + mapping.output()
                + "' to "
                + path
                + ": the job has "
                + existing.get().kind()
                + " there, the output is "
                + value.kind(),
            "map the output to a key of the right type");
        return Optional.empty();
      }

      existing
          .filter(
              e ->
                  e instanceof YamlScalar s
                      && value instanceof YamlScalar v
                      && !s.value().equals(v.value()))
          .ifPresent(
              e ->
                  problems.warn(
                      e.location(),
                      path,
                      "replaced by Terraform output '"
                          + mapping.output()
                          + "'"
                          + (value instanceof YamlScalar v
                                  && v.type() == YamlScalar.ScalarType.SECRET
                              ? ""
                              : " ('" + ((YamlScalar) value).value() + "')"),
                      "the job's value is used only when the output is absent"));
      replacement = value;
    } else {
      YamlMap child;
      if (existing.isEmpty()) {
        child = new YamlMap(Map.of(), mapping.location(), path);
      } else if (existing.get() instanceof YamlMap m) {
        child = m;
      } else {
        problems.error(
            mapping.location(),
            "infrastructure.terraform.outputs." + mapping.output(),
            "Cannot write output '"
                + mapping.output()
                + "' to "
                + mapping.targetPath()
                + ": "
                + path
                + " is "
                + existing.get().kind()
                + ", not a mapping",
            "fix the path, or the job's value at " + path);
        return Optional.empty();
      }

      Optional<YamlNode> updated = setIn(child, keys, index + 1, value, mapping, problems);
      if (updated.isEmpty()) {
        return Optional.empty();
      }

      replacement = updated.get();
    }

    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>(map.entries());
    Location keyLocation =
        map.entries().containsKey(key) ? map.entries().get(key).keyLocation() : mapping.location();
    entries.put(key, new YamlMap.Entry(key, keyLocation, replacement));
    return Optional.of(new YamlMap(entries, map.location(), map.path()));
  }

  private static boolean sameShape(YamlNode existing, YamlNode value) {
    return existing.getClass() == value.getClass();
  }

  static YamlNode toNode(Object value, Location location, String path) {
    if (value instanceof Secret secret) {
      return new YamlScalar(secret.value(), YamlScalar.ScalarType.SECRET, location, path);
    }

    if (value instanceof Map<?, ?> map) {
      Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            entries.put(
                key, new YamlMap.Entry(key, location, toNode(v, location, path + "." + key)));
          });
      return new YamlMap(entries, location, path);
    }

    if (value instanceof List<?> list) {
      List<YamlNode> items = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        items.add(toNode(list.get(i), location, path + "[" + i + "]"));
      }

      return new YamlList(items, location, path);
    }

    if (value instanceof BigDecimal number) {
      boolean integral = number.stripTrailingZeros().scale() <= 0;
      return new YamlScalar(
          number.stripTrailingZeros().toPlainString(),
          integral ? YamlScalar.ScalarType.INTEGER : YamlScalar.ScalarType.FLOAT,
          location,
          path);
    }

    if (value instanceof Boolean bool) {
      return new YamlScalar(bool.toString(), YamlScalar.ScalarType.BOOLEAN, location, path);
    }

    return value == null
        ? new YamlScalar("", YamlScalar.ScalarType.NULL, location, path)
        : new YamlScalar(String.valueOf(value), YamlScalar.ScalarType.STRING, location, path);
  }
}

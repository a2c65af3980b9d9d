package io.dativo.core.config;

import io.dativo.core.config.yaml.YamlList;
import io.dativo.core.config.yaml.YamlMap;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in string values with values from the given
 * environment. {@code $${} writes a literal {@code ${} (as in Terraform), so Terraform expressions
 * can pass through. An unset variable without a default is a problem at the value's location.
 */
public final class EnvSubstitutor {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$\\{([^}]*)}?");

  private final Map<String, String> env;

  public EnvSubstitutor(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Substitutes in every string scalar of the tree; problems go to {@code problems}. */
  public YamlNode substitute(YamlNode node, Problems problems) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.type() != YamlScalar.ScalarType.STRING || !scalar.value().contains("${")) {
        return scalar;
      }

      return scalar.withValue(substitute(scalar, problems));
    }

    if (node instanceof YamlList list) {
      List<YamlNode> items = new ArrayList<>();
      list.items().forEach(item -> items.add(substitute(item, problems)));
      return new YamlList(items, list.location(), list.path());
    }

    YamlMap map = (YamlMap) node;
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    map.entries()
        .forEach(
            (key, entry) ->
                entries.put(
                    key,
                    new YamlMap.Entry(
                        key, entry.keyLocation(), substitute(entry.value(), problems))));
    return new YamlMap(entries, map.location(), map.path());
  }

  private String substitute(YamlScalar scalar, Problems problems) {
    Matcher matcher = REFERENCE.matcher(scalar.value());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group().equals("$${")) {
        replacement = "${";
      } else if (matcher.group(1) != null) {
        replacement = resolve(scalar, matcher.group(1), matcher.group(2), problems);
      } else {
        problems.error(
            scalar,
            "Cannot substitute '" + matcher.group() + "': not a variable reference",
            "write ${NAME} or ${NAME:-default} (names are letters, digits and _), or $${ for a"
                + " literal ${");
        replacement = matcher.group();
      }

      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }

    matcher.appendTail(out);
    return out.toString();
  }

  private String resolve(YamlScalar scalar, String name, String fallback, Problems problems) {
    String value = env.get(name);
    if (value != null && !(value.isEmpty() && fallback != null)) {
      return value;
    }

    if (fallback != null) {
      return fallback;
    }

    problems.error(
        scalar,
        "Cannot substitute ${" + name + "}: environment variable " + name + " is not set",
        "export " + name + "=..., or give a default with ${" + name + ":-value}");
    return "${" + name + "}";
  }
}

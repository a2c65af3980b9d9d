package io.dativo.core.config.yaml;

import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, Location location, String path) implements YamlNode {

  public YamlList {
    items = List.copyOf(items);
  }

  @Override
  public String kind() {
    return "a list";
  }

  @Override
  public Object toPlain() {
    return items.stream().map(YamlNode::toPlain).toList();
  }
}

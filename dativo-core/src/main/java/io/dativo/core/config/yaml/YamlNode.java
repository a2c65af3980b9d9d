package io.dativo.core.config.yaml;

/**
 * A node of a YAML document that remembers where it was written and its dotted path from the root
 * (for example {@code infrastructure.provider.resources[0].resource_id}).
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

  Location location();

  String path();

  /** A short name of the node's kind, as used in "expected X, found Y" messages. */
  String kind();

  /** The node as plain Java values: Map, List, String, Long, Double, Boolean or null. */
  Object toPlain();
}

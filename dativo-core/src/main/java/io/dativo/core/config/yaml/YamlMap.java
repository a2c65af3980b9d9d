package io.dativo.core.config.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys, in the order they were written. */
public record YamlMap(Map<String, Entry> entries, Location location, String path)
    implements YamlNode {

  /** One key of a mapping, with where the key itself was written. */
  public record Entry(String key, Location keyLocation, YamlNode value) {}

  public YamlMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public Optional<YamlNode> get(String key) {
    Entry entry = entries.get(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  @Override
  public String kind() {
    return "a mapping";
  }

  @Override
  public Object toPlain() {
    Map<String, Object> plain = new LinkedHashMap<>();
    entries.forEach((key, entry) -> plain.put(key, entry.value().toPlain()));
    return Collections.unmodifiableMap(plain);
  }

  /** The path of a child key of this mapping. */
  public String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}

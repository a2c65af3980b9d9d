package io.dativo.ingest.sink;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The property changes that bring a table to a job's tags: set what Dativo manages, remove what it
 * managed before and no longer does, and never touch properties set by others. The keys Dativo
 * manages are recorded in {@link #MANAGED_KEYS}.
 */
public record TableProperties(Map<String, String> set, Set<String> remove) {
  public static final String MANAGED_KEYS = "dativo.managed-keys";

  /**
   * Keys whose absence does not mean Iceberg's current default: a table without a codec is written
   * with gzip, while new tables get zstd. A job that stops setting them puts the default back.
   */
  static final Map<String, String> DEFAULT_WHEN_DROPPED =
      Map.of("write.parquet.compression-codec", "zstd");

  public static TableProperties plan(Map<String, String> current, Map<String, String> wanted) {
    Set<String> previouslyManaged =
        Arrays.stream(current.getOrDefault(MANAGED_KEYS, "").split(","))
            .map(String::trim)
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toSet());
    Map<String, String> set = new LinkedHashMap<>();
    wanted.forEach(
        (key, value) -> {
          if (!value.equals(current.get(key))) {
            set.put(key, value);
          }
        });
    String managed = String.join(",", new TreeSet<>(wanted.keySet()));
    if (!managed.equals(current.get(MANAGED_KEYS))) {
      set.put(MANAGED_KEYS, managed);
    }

    Set<String> remove = new TreeSet<>(previouslyManaged);
    remove.removeAll(wanted.keySet());
    remove.removeIf(k -> !current.containsKey(k));
    for (Map.Entry<String, String> fallback : DEFAULT_WHEN_DROPPED.entrySet()) {
      if (remove.remove(fallback.getKey())
          && !fallback.getValue().equals(current.get(fallback.getKey()))) {
        set.put(fallback.getKey(), fallback.getValue());
      }
    }

    return new TableProperties(set, remove);
  }

  /** The properties a table will have once this plan is committed over {@code current}. */
  public Map<String, String> applyTo(Map<String, String> current) {
    Map<String, String> after = new LinkedHashMap<>(current);
    after.putAll(set);
    remove.forEach(after::remove);
    return after;
  }

  public boolean isEmpty() {
    return set.isEmpty() && remove.isEmpty();
  }
}

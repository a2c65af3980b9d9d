package io.dativo.core.cloud;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tag change for one resource: keys to add, keys whose value changes (old and new), never a key
 * to remove. {@code action} is {@code unchanged}, {@code update} or {@code failed}.
 */
public record ResourceTagPlan(
    ResourceRef resource,
    Action action,
    Map<String, String> current,
    Map<String, String> added,
    Map<String, List<String>> changed,
    Optional<String> error) {

  /** What apply-tags does (or did) to a resource. */
  public enum Action {
    UNCHANGED,
    UPDATE,
    FAILED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ResourceTagPlan {
    current = Map.copyOf(current);
    added = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(added));
    changed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changed));
  }

  /** The keys and values to write: added and changed. */
  public Map<String, String> writes() {
    Map<String, String> writes = new java.util.TreeMap<>(added);
    changed.forEach((key, values) -> writes.put(key, values.get(1)));
    return writes;
  }

  public ResourceTagPlan failed(String reason) {
    return new ResourceTagPlan(
        resource, Action.FAILED, current, added, changed, Optional.of(reason));
  }
}

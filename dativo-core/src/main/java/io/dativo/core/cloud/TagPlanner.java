package io.dativo.core.cloud;

import io.dativo.core.tags.TagKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans one resource's tag change, pure: add missing keys, change different values, never remove a
 * key (others' tags survive). {@code LastModified} is written only together with another change, so
 * re-running on an up-to-date resource writes nothing.
 */
public final class TagPlanner {
  private TagPlanner() {}

  public static ResourceTagPlan plan(
      ResourceRef resource, Map<String, String> current, Map<String, String> desired) {
    return plan(resource, current, desired, TagKeys.LAST_MODIFIED);
  }

  /**
   * As {@link #plan(ResourceRef, Map, Map)}, with the timestamp under the provider's own key (GCP
   * labels call it {@code last_modified}).
   */
  public static ResourceTagPlan plan(
      ResourceRef resource,
      Map<String, String> current,
      Map<String, String> desired,
      String timestampKey) {
    Map<String, String> added = new LinkedHashMap<>();
    Map<String, List<String>> changed = new LinkedHashMap<>();
    desired.forEach(
        (key, value) -> {
          if (key.equals(timestampKey)) {
            return;
          }

          String existing = current.get(key);
          if (existing == null) {
            added.put(key, value);
          } else if (!existing.equals(value)) {
            changed.put(key, List.of(existing, value));
          }
        });
    if (added.isEmpty() && changed.isEmpty()) {
      return new ResourceTagPlan(
          resource,
          ResourceTagPlan.Action.UNCHANGED,
          current,
          Map.of(),
          Map.of(),
          Optional.empty());
    }

    String lastModified = desired.get(timestampKey);
    if (lastModified != null) {
      String existing = current.get(timestampKey);
      if (existing == null) {
        added.put(timestampKey, lastModified);
      } else if (!existing.equals(lastModified)) {
        changed.put(timestampKey, List.of(existing, lastModified));
      }
    }

    return new ResourceTagPlan(
        resource, ResourceTagPlan.Action.UPDATE, current, added, changed, Optional.empty());
  }
}

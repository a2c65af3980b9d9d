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
    Map<String, String> added = new LinkedHashMap<>();
    Map<String, List<String>> changed = new LinkedHashMap<>();
    desired.forEach(
        (key, value) -> {
          if (key.equals(TagKeys.LAST_MODIFIED)) {
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

    String lastModified = desired.get(TagKeys.LAST_MODIFIED);
    if (lastModified != null) {
      String existing = current.get(TagKeys.LAST_MODIFIED);
      if (existing == null) {
        added.put(TagKeys.LAST_MODIFIED, lastModified);
      } else if (!existing.equals(lastModified)) {
        changed.put(TagKeys.LAST_MODIFIED, List.of(existing, lastModified));
      }
    }

    return new ResourceTagPlan(
        resource, ResourceTagPlan.Action.UPDATE, current, added, changed, Optional.empty());
  }
}

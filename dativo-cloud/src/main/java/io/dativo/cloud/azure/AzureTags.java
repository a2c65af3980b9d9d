package io.dativo.cloud.azure;

import com.azure.resourcemanager.resources.fluent.TagOperationsClient;
import com.azure.resourcemanager.resources.fluent.models.TagsResourceInner;
import com.azure.resourcemanager.resources.models.Tags;
import com.azure.resourcemanager.resources.models.TagsPatchOperation;
import com.azure.resourcemanager.resources.models.TagsPatchResource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A resource's tags through the ARM Tags API at its scope ({@code
 * {scope}/providers/Microsoft.Resources/tags/default}): read them, and write changed keys with the
 * <em>Merge</em> operation only, which adds or updates the keys sent and leaves every other tag as
 * it is. Replace and Delete are never used, so a tag someone else set survives.
 */
final class AzureTags {
  private final TagOperationsClient tags;

  AzureTags(TagOperationsClient tags) {
    this.tags = tags;
  }

  /**
   * The resource's tags now (empty when it has none); {@code scope} is {@link ArmResourceId#path}.
   */
  Map<String, String> read(String scope) {
    TagsResourceInner resource = tags.getAtScope(scope);
    if (resource == null || resource.properties() == null || resource.properties().tags() == null) {
      return Map.of();
    }

    return new LinkedHashMap<>(resource.properties().tags());
  }

  /** Adds or updates exactly {@code changes}; other keys are untouched. */
  void merge(String scope, Map<String, String> changes) {
    tags.updateAtScope(
        scope,
        new TagsPatchResource()
            .withOperation(TagsPatchOperation.MERGE)
            .withProperties(new Tags().withTags(new LinkedHashMap<>(changes))));
  }

  /**
   * {@code current} with each key spelled as in {@code wanted} where they differ only in case:
   * Azure tag names are case-insensitive, so {@code costcenter} already is {@code CostCenter}, and
   * planning on exact names would rewrite it on every run.
   */
  static Map<String, String> alignedTo(Map<String, String> current, Map<String, String> wanted) {
    Map<String, String> spelling = new HashMap<>();
    wanted.keySet().forEach(k -> spelling.put(k.toLowerCase(Locale.ROOT), k));
    Map<String, String> aligned = new LinkedHashMap<>();
    current.forEach(
        (key, value) ->
            aligned.put(spelling.getOrDefault(key.toLowerCase(Locale.ROOT), key), value));
    return aligned;
  }
}

package io.dativo.core.tags.rules;

import io.dativo.core.tags.ResolvedTag;
import io.dativo.core.tags.TagOrigin;
import io.dativo.core.tags.TagSet;
import io.dativo.core.tags.TagSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds tag sets directly, for renderer tests. */
final class TestTags {
  private TestTags() {}

  static TagSet of(String... keysAndValues) {
    Map<String, ResolvedTag> tags = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = keysAndValues[i];
      tags.put(
          key,
          ResolvedTag.of(
              key,
              keysAndValues[i + 1],
              TagOrigin.of(TagSource.INFRASTRUCTURE, "infrastructure.tags." + key)));
    }

    return new TagSet(tags);
  }

  static TagSet of(Map<String, String> values) {
    Map<String, ResolvedTag> tags = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            tags.put(
                k,
                ResolvedTag.of(
                    k, v, TagOrigin.of(TagSource.INFRASTRUCTURE, "infrastructure.tags." + k))));
    return new TagSet(tags);
  }
}

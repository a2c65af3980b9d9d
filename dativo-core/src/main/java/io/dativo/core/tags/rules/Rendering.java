package io.dativo.core.tags.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered tag set: the provider key to value, which tag each key came from, and every lossy
 * change made on the way.
 */
public record Rendering(
    String target,
    Map<String, String> values,
    Map<String, String> sources,
    List<Adjustment> adjustments) {

  public Rendering {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    adjustments = List.copyOf(adjustments);
  }

  public boolean isLossless() {
    return adjustments.isEmpty();
  }
}

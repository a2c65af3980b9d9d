package io.dativo.core.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * A tag's effective value, where it came from, and the values it overrode (earliest first), for
 * {@code --explain}.
 */
public record ResolvedTag(String key, String value, TagOrigin origin, List<Overridden> overrode) {

  /** A value that a higher-precedence source replaced. */
  public record Overridden(String value, TagOrigin origin) {}

  public ResolvedTag {
    overrode = List.copyOf(overrode);
  }

  public static ResolvedTag of(String key, String value, TagOrigin origin) {
    return new ResolvedTag(key, value, origin, List.of());
  }

  public TagSource source() {
    return origin.source();
  }

  /** This tag replaced by {@code later}, which remembers this value (and what it overrode). */
  public ResolvedTag overriddenBy(ResolvedTag later) {
    List<Overridden> history = new ArrayList<>(overrode);
    history.add(new Overridden(value, origin));
    history.addAll(later.overrode);
    return new ResolvedTag(key, later.value, later.origin, history);
  }
}

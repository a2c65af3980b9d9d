package io.dativo.core.tags;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective tag set of a job: CamelCase keys (seed 000's resource tags) with their values and
 * provenance, in a stable order (identity, asset metadata, classification, FinOps, infrastructure,
 * custom, system).
 */
public final class TagSet implements Iterable<ResolvedTag> {
  private final Map<String, ResolvedTag> tags;

  public TagSet(Map<String, ResolvedTag> tags) {
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  public Optional<ResolvedTag> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }

  public Optional<String> value(String key) {
    return tag(key).map(ResolvedTag::value);
  }

  public boolean has(String key) {
    return tags.containsKey(key);
  }

  public int size() {
    return tags.size();
  }

  public Collection<ResolvedTag> tags() {
    return tags.values();
  }

  /**
   * This set without the given keys (e.g. timestamps, for output that must not change by itself).
   */
  public TagSet without(String... keys) {
    Map<String, ResolvedTag> kept = new LinkedHashMap<>(tags);
    for (String key : keys) {
      kept.remove(key);
    }

    return new TagSet(kept);
  }

  /** Key to value, in the set's order. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    tags.forEach((key, tag) -> values.put(key, tag.value()));
    return Collections.unmodifiableMap(values);
  }

  @Override
  public Iterator<ResolvedTag> iterator() {
    return tags.values().iterator();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TagSet set && set.tags.equals(tags);
  }

  @Override
  public int hashCode() {
    return tags.hashCode();
  }

  @Override
  public String toString() {
    return values().toString();
  }
}

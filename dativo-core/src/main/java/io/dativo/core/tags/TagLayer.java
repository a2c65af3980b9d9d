package io.dativo.core.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags one source proposes, in order. A {@code null} value removes the key (an empty {@code
 * governance_overrides.owner} removes the owner).
 */
public record TagLayer(TagSource source, List<Entry> entries) {

  /** One proposed tag. */
  public record Entry(String key, String value, TagOrigin origin) {}

  public TagLayer {
    entries = List.copyOf(entries);
  }

  /** Collects the entries of one layer. */
  public static final class Builder {
    private final TagSource source;
    private final List<Entry> entries = new ArrayList<>();

    public Builder(TagSource source) {
      this.source = source;
    }

    public Builder put(String key, String value, TagOrigin origin) {
      entries.add(new Entry(key, value, origin));
      return this;
    }

    public Builder put(String key, String value, String path) {
      return put(key, value, TagOrigin.of(source, path));
    }

    public TagLayer build() {
      return new TagLayer(source, entries);
    }
  }
}

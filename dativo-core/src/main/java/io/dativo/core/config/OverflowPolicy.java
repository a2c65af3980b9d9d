package io.dativo.core.config;

/** What to do when a tag set has more tags than a provider allows ({@code tags.on_overflow}). */
public enum OverflowPolicy {
  /** Fail, naming the tags that do not fit (the default: nothing disappears silently). */
  ERROR,
  /** Drop the lowest-priority tags and report each one. */
  DROP_LOWEST;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

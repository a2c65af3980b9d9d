package io.dativo.core.tags.rules;

/**
 * One lossy change a renderer made: a key or value rewritten to fit the provider's rules, or a tag
 * dropped over the count limit. Shown by {@code --explain} and as a warning.
 */
public record Adjustment(String tag, Kind kind, String before, String after, String reason) {

  /** What changed. */
  public enum Kind {
    KEY_CHANGED,
    VALUE_CHANGED,
    DROPPED
  }

  @Override
  public String toString() {
    return switch (kind) {
      case KEY_CHANGED -> tag + ": key '" + before + "' -> '" + after + "' (" + reason + ")";
      case VALUE_CHANGED -> tag + ": value '" + before + "' -> '" + after + "' (" + reason + ")";
      case DROPPED -> tag + ": dropped (" + reason + ")";
    };
  }
}

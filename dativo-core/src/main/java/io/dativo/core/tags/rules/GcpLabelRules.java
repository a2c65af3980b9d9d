package io.dativo.core.tags.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * GCP labels: at most 64 per resource; keys are the snake_case of the tag name ({@code TenantId} →
 * {@code tenant_id}) matching {@code [a-z][a-z0-9_-]{0,62}}; values match {@code [a-z0-9_-]{0,63}}.
 * Accents are removed, other characters become {@code _}, text is lower-cased and clipped: each
 * change is reported, and two tags that end up with one key are an error.
 */
public final class GcpLabelRules extends KeyValueRules {
  static final int MAX_LABELS = 64;
  static final int MAX_KEY_LENGTH = 63;
  static final int MAX_VALUE_LENGTH = 63;
  static final String KEY_PREFIX = "k_";

  @Override
  public String id() {
    return "gcp";
  }

  @Override
  int maxTags() {
    return MAX_LABELS;
  }

  @Override
  String key(String tagKey, Changes changes) {
    String key = normalize(toLabelKey(tagKey), changes);
    if (key.isEmpty() || !(key.charAt(0) >= 'a' && key.charAt(0) <= 'z')) {
      changes.add("label keys must start with a letter: prefixed '" + KEY_PREFIX + "'");
      key = KEY_PREFIX + key;
    }

    return clip(key, MAX_KEY_LENGTH, changes, "key");
  }

  @Override
  String value(String value, Changes changes) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.equals(value)) {
      changes.add("lower-cased");
    }

    return clip(normalize(lower, changes), MAX_VALUE_LENGTH, changes, "value");
  }

  @Override
  Optional<String> reserved(String renderedKey) {
    return renderedKey.startsWith("goog")
        ? Optional.of("label keys starting with 'goog' are reserved by Google")
        : Optional.empty();
  }

  /** {@code CostCenter} → {@code cost_center}, {@code ContainsPII} → {@code contains_pii}. */
  public static String toLabelKey(String tagKey) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tagKey.length(); i++) {
      char c = tagKey.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = tagKey.charAt(i - 1);
        boolean nextIsLower =
            i + 1 < tagKey.length() && Character.isLowerCase(tagKey.charAt(i + 1));
        if (Character.isLowerCase(previous)
            || Character.isDigit(previous)
            || (Character.isUpperCase(previous) && nextIsLower)) {
          out.append('_');
        }
      }

      out.append(c == ' ' || c == '.' ? '_' : Character.toLowerCase(c));
    }

    return out.toString();
  }

  private static String normalize(String text, Changes changes) {
    String plain = stripAccents(text);
    if (!plain.equals(text)) {
      changes.add("accents removed");
    }

    String lower = plain.toLowerCase(Locale.ROOT);
    return replaceDisallowed(
        lower,
        cp -> (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == '-',
        "_",
        changes);
  }

  private static String stripAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }
}

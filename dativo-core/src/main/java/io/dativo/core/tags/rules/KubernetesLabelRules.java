package io.dativo.core.tags.rules;

import java.util.Optional;

/**
 * Kubernetes labels: keys {@code dativo.io/<name>} with the name in kebab-case ({@code TenantId} →
 * {@code dativo.io/tenant-id}), names and values at most 63 characters of {@code [A-Za-z0-9-_.]},
 * beginning and ending with a letter or digit. Full values go in annotations ({@link
 * KubernetesAnnotationRules}).
 */
public final class KubernetesLabelRules extends KeyValueRules {
  static final String PREFIX = "dativo.io/";
  static final int MAX_NAME_LENGTH = 63;
  static final int MAX_VALUE_LENGTH = 63;

  @Override
  public String id() {
    return "k8s";
  }

  @Override
  int maxTags() {
    return Integer.MAX_VALUE;
  }

  @Override
  String key(String tagKey, Changes changes) {
    return labelKey(tagKey, changes);
  }

  /** {@code dativo.io/<kebab-case name>}; a name with no usable character gets a stable hash. */
  static String labelKey(String tagKey, Changes changes) {
    String name =
        segment(
            GcpLabelRules.toLabelKey(tagKey).replace('_', '-'), MAX_NAME_LENGTH, changes, "name");
    if (name.isEmpty()) {
      name = "tag-" + Integer.toHexString(tagKey.hashCode());
      changes.add("no letter or digit left in the name: named by its hash");
    }

    return PREFIX + name;
  }

  @Override
  String value(String value, Changes changes) {
    return segment(value, MAX_VALUE_LENGTH, changes, "value");
  }

  @Override
  Optional<String> reserved(String renderedKey) {
    return Optional.empty();
  }

  /** A label name or value: allowed characters, clipped, alphanumeric at both ends. */
  static String segment(String text, int max, Changes changes, String what) {
    String allowed =
        replaceDisallowed(
            text,
            cp ->
                cp < 128 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.'),
            "_",
            changes);
    String clipped = clip(allowed, max, changes, what);
    String trimmed = clipped.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    if (!trimmed.equals(clipped)) {
      changes.add(what + " must begin and end with a letter or digit: trimmed");
    }

    return trimmed;
  }
}

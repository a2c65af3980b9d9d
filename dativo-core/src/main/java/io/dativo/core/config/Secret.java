package io.dativo.core.config;

/**
 * A value that must never be shown: a sensitive Terraform output, a password. It prints as {@code
 * ****}; tags, table properties and renderers refuse it.
 */
public record Secret(String value) {
  public static final String MASK = "****";

  @Override
  public String toString() {
    return MASK;
  }

  /** Whether a plain config value is, or contains, a secret. */
  public static boolean containsSecret(Object value) {
    if (value instanceof Secret) {
      return true;
    }

    if (value instanceof java.util.Map<?, ?> map) {
      return map.values().stream().anyMatch(Secret::containsSecret);
    }

    return value instanceof java.util.List<?> list
        && list.stream().anyMatch(Secret::containsSecret);
  }
}

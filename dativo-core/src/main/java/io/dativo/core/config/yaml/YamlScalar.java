package io.dativo.core.config.yaml;

import java.util.Optional;

/**
 * A scalar with the type YAML's core schema resolves for it. A quoted value is always a string, so
 * {@code account_id: "0123"} keeps its leading zero.
 */
public record YamlScalar(String value, ScalarType type, Location location, String path)
    implements YamlNode {

  /** The type YAML resolves a scalar to. */
  public enum ScalarType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL,
    /** A sensitive value (a sensitive Terraform output): never shown, never tagged. */
    SECRET
  }

  public boolean isNull() {
    return type == ScalarType.NULL;
  }

  @Override
  public String kind() {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case FLOAT -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case SECRET -> "a sensitive value";
    };
  }

  public Optional<Long> asLong() {
    if (type != ScalarType.INTEGER && type != ScalarType.STRING) {
      return Optional.empty();
    }

    try {
      return Optional.of(Long.parseLong(value.trim().replace("_", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<Boolean> asBoolean() {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("true") || v.equals("yes") || v.equals("on")) {
      return Optional.of(true);
    }

    if (v.equals("false") || v.equals("no") || v.equals("off")) {
      return Optional.of(false);
    }

    return Optional.empty();
  }

  @Override
  public Object toPlain() {
    return switch (type) {
      case NULL -> null;
      case BOOLEAN -> asBoolean().orElse(null);
      case INTEGER -> asLong().map(Object.class::cast).orElse(value);
      case FLOAT -> parseDouble();
      case STRING -> value;
      case SECRET -> new io.dativo.core.config.Secret(value);
    };
  }

  private Object parseDouble() {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  public YamlScalar withValue(String newValue) {
    return new YamlScalar(newValue, type, location, path);
  }
}

package io.dativo.core.terraform;

import io.dativo.core.config.Secret;
import java.util.List;
import java.util.Map;

/**
 * A Terraform output: its value as plain Java (String, java.math.BigDecimal, Boolean, List, Map or
 * null) and whether Terraform marks it sensitive.
 */
public record OutputValue(Object value, boolean sensitive) {

  /** The value as it may be placed in a job: sensitive values are wrapped in {@link Secret}. */
  public Object forConfig() {
    if (!sensitive || value == null) {
      return value;
    }

    return value instanceof Map<?, ?> || value instanceof List<?>
        ? new Secret(String.valueOf(value))
        : new Secret(text());
  }

  /** The value as text (numbers without exponent, lists and maps as JSON-like text). */
  public String text() {
    if (value instanceof java.math.BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }

    return String.valueOf(value);
  }

  /** What may be printed: the value, or {@code (sensitive)}. */
  public String display() {
    return sensitive ? "(sensitive)" : text();
  }

  public boolean isScalar() {
    return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
  }
}

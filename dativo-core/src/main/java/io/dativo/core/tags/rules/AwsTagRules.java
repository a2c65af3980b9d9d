package io.dativo.core.tags.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * AWS resource tags: at most 50 user tags per resource, keys up to 128 and values up to 256 Unicode
 * characters, letters, digits, spaces and {@code _ . : / = + - @} only, and no key starting with
 * {@code aws:} (reserved by AWS, in any case).
 */
public final class AwsTagRules extends KeyValueRules {
  static final int MAX_TAGS = 50;
  static final int MAX_KEY_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 256;
  static final String RESERVED_PREFIX = "aws:";
  static final char LIST_SEPARATOR = ',';
  static final char AWS_LIST_SEPARATOR = '+';

  @Override
  public String id() {
    return "aws";
  }

  @Override
  int maxTags() {
    return MAX_TAGS;
  }

  @Override
  String key(String tagKey, Changes changes) {
    return clip(
        replaceDisallowed(tagKey, AwsTagRules::allowed, "_", changes),
        MAX_KEY_LENGTH,
        changes,
        "key");
  }

  @Override
  String value(String value, Changes changes) {
    String listed = value;
    if (value.indexOf(LIST_SEPARATOR) >= 0) {
      listed = value.replace(LIST_SEPARATOR, AWS_LIST_SEPARATOR);
      changes.add("list separator ',' written as '+' (AWS tag values do not allow commas)");
    }

    return clip(
        replaceDisallowed(listed, AwsTagRules::allowed, "_", changes),
        MAX_VALUE_LENGTH,
        changes,
        "value");
  }

  @Override
  Optional<String> reserved(String renderedKey) {
    return renderedKey.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)
        ? Optional.of("keys starting with 'aws:' are reserved by AWS")
        : Optional.empty();
  }

  /** AWS's tag character set: letters, numbers, spaces, and _ . : / = + - @. */
  static boolean allowed(int cp) {
    return Character.isLetter(cp)
        || Character.isDigit(cp)
        || Character.getType(cp) == Character.SPACE_SEPARATOR
        || "_.:/=+-@".indexOf(cp) >= 0;
  }
}

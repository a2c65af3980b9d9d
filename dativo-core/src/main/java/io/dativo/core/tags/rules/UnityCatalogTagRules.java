package io.dativo.core.tags.rules;

import java.util.Optional;

/**
 * Databricks Unity Catalog table tags: at most 50 per table, keys up to 255 characters without
 * {@code . , - = / :} (replaced with {@code _}), values up to 1000 characters.
 */
public final class UnityCatalogTagRules extends KeyValueRules {
  static final int MAX_TAGS = 50;
  static final int MAX_KEY_LENGTH = 255;
  static final int MAX_VALUE_LENGTH = 1000;
  static final String FORBIDDEN_KEY_CHARACTERS = ".,-=/:";

  @Override
  public String id() {
    return "unity";
  }

  @Override
  int maxTags() {
    return MAX_TAGS;
  }

  @Override
  String key(String tagKey, Changes changes) {
    return clip(
        replaceDisallowed(tagKey, cp -> FORBIDDEN_KEY_CHARACTERS.indexOf(cp) < 0, "_", changes),
        MAX_KEY_LENGTH,
        changes,
        "key");
  }

  @Override
  String value(String value, Changes changes) {
    return clip(value, MAX_VALUE_LENGTH, changes, "value");
  }

  @Override
  Optional<String> reserved(String renderedKey) {
    return Optional.empty();
  }
}

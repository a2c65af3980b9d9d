package io.dativo.core.tags.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Azure resource tags: at most 50 per resource, names up to 512 characters (128 on storage
 * accounts) without {@code < > % & \ ? /}, values up to 256 characters; names starting with {@code
 * microsoft}, {@code azure} or {@code windows} are reserved.
 */
public final class AzureTagRules extends KeyValueRules {
  static final int MAX_TAGS = 50;
  static final int MAX_NAME_LENGTH = 512;
  static final int MAX_STORAGE_ACCOUNT_NAME_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 256;
  static final String FORBIDDEN_NAME_CHARACTERS = "<>%&\\?/";
  static final List<String> RESERVED_PREFIXES = List.of("microsoft", "azure", "windows");

  private final int maxNameLength;

  public AzureTagRules() {
    this(MAX_NAME_LENGTH);
  }

  private AzureTagRules(int maxNameLength) {
    this.maxNameLength = maxNameLength;
  }

  /** The stricter rules of storage accounts (names up to 128 characters). */
  public static AzureTagRules forStorageAccounts() {
    return new AzureTagRules(MAX_STORAGE_ACCOUNT_NAME_LENGTH);
  }

  @Override
  public String id() {
    return "azure";
  }

  @Override
  int maxTags() {
    return MAX_TAGS;
  }

  @Override
  String key(String tagKey, Changes changes) {
    String name =
        replaceDisallowed(
            tagKey,
            cp -> FORBIDDEN_NAME_CHARACTERS.indexOf(cp) < 0 && !Character.isISOControl(cp),
            "_",
            changes);
    return clip(name, maxNameLength, changes, "name");
  }

  @Override
  String value(String value, Changes changes) {
    return clip(value, MAX_VALUE_LENGTH, changes, "value");
  }

  /** Azure tag names are case-insensitive: CostCenter and costcenter are one tag. */
  @Override
  String collisionKey(String renderedKey) {
    return renderedKey.toLowerCase(Locale.ROOT);
  }

  @Override
  Optional<String> reserved(String renderedKey) {
    String lower = renderedKey.toLowerCase(Locale.ROOT);
    return RESERVED_PREFIXES.stream()
        .filter(lower::startsWith)
        .findFirst()
        .map(p -> "tag names starting with '" + p + "' are reserved by Azure");
  }
}

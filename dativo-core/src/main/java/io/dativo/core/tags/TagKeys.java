package io.dativo.core.tags;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tag names Dativo computes, and how user keys become tag names. */
public final class TagKeys {
  public static final String TENANT_ID = "TenantId";
  public static final String ENVIRONMENT = "Environment";
  public static final String SOURCE_CONNECTOR = "SourceConnector";
  public static final String TARGET_CONNECTOR = "TargetConnector";
  public static final String ASSET = "Asset";
  public static final String DOMAIN = "Domain";
  public static final String DATA_PRODUCT = "DataProduct";
  public static final String OWNER = "Owner";
  public static final String STATUS = "Status";
  public static final String DATA_TAGS = "DataTags";
  public static final String DATA_CLASSIFICATION = "DataClassification";
  public static final String CONTAINS_PREFIX = "Contains";
  public static final String REGULATIONS = "Regulations";
  public static final String RETENTION_DAYS = "RetentionDays";
  public static final String ENCRYPTION_REQUIRED = "EncryptionRequired";
  public static final String COST_CENTER = "CostCenter";
  public static final String PROJECT = "Project";
  public static final String BUSINESS_TAGS = "BusinessTags";
  public static final String BUSINESS_UNIT = "BusinessUnit";
  public static final String INFRA_PROVIDER = "InfraProvider";
  public static final String CLOUD_PROVIDER = "CloudProvider";
  public static final String REGION = "Region";
  public static final String ACCOUNT_ID = "AccountId";
  public static final String PROJECT_ID = "ProjectId";
  public static final String PLATFORM = "Platform";
  public static final String TERRAFORM_WORKSPACE = "TerraformWorkspace";
  public static final String MANAGED_BY = "ManagedBy";
  public static final String LAST_MODIFIED = "LastModified";
  public static final String CREATED_AT = "CreatedAt";

  /** Identity tags: restating one with the same value is allowed, changing it is an error. */
  public static final Set<String> IDENTITY =
      Set.of(TENANT_ID, ENVIRONMENT, SOURCE_CONNECTOR, TARGET_CONNECTOR, ASSET);

  /** System tags: no user source may set them. */
  public static final Set<String> SYSTEM = Set.of(MANAGED_BY, LAST_MODIFIED, CREATED_AT);

  /** Facts of the infrastructure block; user tags may not redefine them. */
  public static final Set<String> INFRASTRUCTURE_FACTS =
      Set.of(
          INFRA_PROVIDER,
          CLOUD_PROVIDER,
          REGION,
          ACCOUNT_ID,
          PROJECT_ID,
          PLATFORM,
          TERRAFORM_WORKSPACE);

  /** Order of categories in a rendered set. */
  static final List<String> ORDER =
      List.of(
          TENANT_ID,
          ENVIRONMENT,
          SOURCE_CONNECTOR,
          TARGET_CONNECTOR,
          ASSET,
          DOMAIN,
          DATA_PRODUCT,
          OWNER,
          STATUS,
          DATA_TAGS,
          DATA_CLASSIFICATION,
          CONTAINS_PREFIX,
          REGULATIONS,
          RETENTION_DAYS,
          ENCRYPTION_REQUIRED,
          COST_CENTER,
          PROJECT,
          BUSINESS_TAGS,
          BUSINESS_UNIT,
          INFRA_PROVIDER,
          CLOUD_PROVIDER,
          REGION,
          ACCOUNT_ID,
          PROJECT_ID,
          PLATFORM,
          TERRAFORM_WORKSPACE,
          MANAGED_BY);

  private TagKeys() {}

  /**
   * A user key as a tag name: {@code cost_center} → {@code CostCenter}, {@code data-owner} → {@code
   * DataOwner}; a key that is already CamelCase ({@code CustomTag}) is kept.
   */
  public static String camelCase(String key) {
    StringBuilder name = new StringBuilder();
    for (String part : key.trim().split("[_\\-\\s.]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }

    return name.toString();
  }

  /**
   * The {@code Contains<Class>} tag of a classification: acronyms of up to four letters stay upper
   * case ({@code PII} → {@code ContainsPII}), words are capitalised ({@code FINANCIAL} → {@code
   * ContainsFinancial}).
   */
  public static String containsTag(String classification) {
    String trimmed = classification.trim();
    // A short class is an acronym in any case: pii and PII both give ContainsPII.
    if (trimmed.length() <= 4 && trimmed.chars().allMatch(Character::isLetterOrDigit)) {
      return CONTAINS_PREFIX + trimmed.toUpperCase(Locale.ROOT);
    }

    StringBuilder name = new StringBuilder(CONTAINS_PREFIX);
    for (String part : trimmed.split("[_\\-\\s.]+")) {
      if (part.isEmpty()) {
        continue;
      }

      boolean acronym = part.length() <= 4 && part.equals(part.toUpperCase(Locale.ROOT));
      name.append(
          acronym
              ? part
              : part.substring(0, 1).toUpperCase(Locale.ROOT)
                  + part.substring(1).toLowerCase(Locale.ROOT));
    }

    return name.toString();
  }

  static int rank(String key) {
    int index = ORDER.indexOf(key);
    if (index >= 0) {
      return index;
    }

    return key.startsWith(CONTAINS_PREFIX) ? ORDER.indexOf(CONTAINS_PREFIX) : ORDER.size();
  }
}

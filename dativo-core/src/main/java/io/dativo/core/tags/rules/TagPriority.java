package io.dativo.core.tags.rules;

import io.dativo.core.tags.TagKeys;
import java.util.Set;

/**
 * Which tags a count-limited provider keeps first: identity, system and FinOps tags, then
 * classification, then asset and infrastructure facts, then custom tags.
 */
public final class TagPriority {
  private static final Set<String> FIRST =
      Set.of(
          TagKeys.TENANT_ID,
          TagKeys.ENVIRONMENT,
          TagKeys.SOURCE_CONNECTOR,
          TagKeys.TARGET_CONNECTOR,
          TagKeys.ASSET,
          TagKeys.MANAGED_BY,
          TagKeys.LAST_MODIFIED,
          TagKeys.CREATED_AT,
          TagKeys.COST_CENTER,
          TagKeys.PROJECT,
          TagKeys.BUSINESS_TAGS,
          TagKeys.BUSINESS_UNIT);

  private static final Set<String> CLASSIFICATION =
      Set.of(
          TagKeys.DATA_CLASSIFICATION,
          TagKeys.REGULATIONS,
          TagKeys.RETENTION_DAYS,
          TagKeys.ENCRYPTION_REQUIRED);

  private static final Set<String> FACTS =
      Set.of(
          TagKeys.DOMAIN,
          TagKeys.DATA_PRODUCT,
          TagKeys.OWNER,
          TagKeys.STATUS,
          TagKeys.DATA_TAGS,
          TagKeys.INFRA_PROVIDER,
          TagKeys.CLOUD_PROVIDER,
          TagKeys.REGION,
          TagKeys.ACCOUNT_ID,
          TagKeys.PROJECT_ID,
          TagKeys.PLATFORM,
          TagKeys.TERRAFORM_WORKSPACE);

  private TagPriority() {}

  /** 0 is kept first; higher tiers are dropped first. */
  public static int tier(String key) {
    if (FIRST.contains(key)) {
      return 0;
    }

    if (CLASSIFICATION.contains(key) || key.startsWith(TagKeys.CONTAINS_PREFIX)) {
      return 1;
    }

    return FACTS.contains(key) ? 2 : 3;
  }
}

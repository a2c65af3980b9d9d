package io.dativo.core.policy;

import io.dativo.core.config.PolicyConfig;
import io.dativo.core.tags.TagKeys;
import io.dativo.core.tags.TagSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks a tag set against a policy (seed 000's "policy enforcement"). Pure. */
public final class PolicyChecker {
  /** Where each commonly required tag is set, for the fix in a violation. */
  private static final Map<String, String> WHERE_TO_SET =
      Map.of(
          TagKeys.COST_CENTER,
              "set finops.cost_center in the job or the asset, or infrastructure.tags.cost_center",
          TagKeys.OWNER, "set team.owner in the asset, or governance_overrides.owner in the job",
          TagKeys.PROJECT, "set finops.project in the job or the asset",
          TagKeys.BUSINESS_UNIT, "set finops.business_unit, or infrastructure.tags.business_unit",
          TagKeys.DATA_CLASSIFICATION, "set compliance.classification in the asset",
          TagKeys.RETENTION_DAYS, "set compliance.retention_days in the asset",
          TagKeys.REGULATIONS, "set compliance.regulations in the asset");

  private PolicyChecker() {}

  public static PolicyReport check(TagSet tags, PolicyConfig policy) {
    List<PolicyResult> results = new ArrayList<>();
    for (String tag : policy.requiredTags()) {
      String rule = "required_tag:" + tag;
      results.add(
          tags.has(tag)
              ? PolicyResult.pass(rule, tag + " is set")
              : PolicyResult.fail(
                  rule,
                  "required tag " + tag + " is missing",
                  WHERE_TO_SET.getOrDefault(tag, "set a value for " + tag)));
    }

    policy.allowedValues().forEach((tag, allowed) -> results.add(allowedValue(tags, tag, allowed)));
    policy.requireEncryptionFor().stream().sorted().forEach(c -> results.add(encryption(tags, c)));
    return new PolicyReport(results, policy.enforce(), policy.source());
  }

  private static PolicyResult allowedValue(TagSet tags, String tag, List<String> allowed) {
    String rule = "allowed_values:" + tag;
    Optional<String> value = tags.value(tag);
    if (value.isEmpty() || allowed.contains(value.get())) {
      return PolicyResult.pass(rule, tag + value.map(v -> " is '" + v + "'").orElse(" is not set"));
    }

    return PolicyResult.fail(
        rule,
        tag + " is '" + value.get() + "', which the policy does not allow",
        "use one of: " + String.join(", ", allowed));
  }

  /** Data of a listed classification requires {@code EncryptionRequired=true}. */
  private static PolicyResult encryption(TagSet tags, String classification) {
    String rule = "encryption_required:" + classification;
    boolean classified =
        tags.value(TagKeys.DATA_CLASSIFICATION)
                .map(
                    v ->
                        Arrays.stream(v.split(","))
                            .anyMatch(c -> c.trim().equalsIgnoreCase(classification)))
                .orElse(false)
            || tags.value(TagKeys.containsTag(classification)).filter("true"::equals).isPresent();
    if (!classified) {
      return PolicyResult.pass(rule, "no " + classification + " data");
    }

    Optional<String> encryption = tags.value(TagKeys.ENCRYPTION_REQUIRED);
    if (encryption.map(e -> e.toLowerCase(Locale.ROOT)).filter("true"::equals).isPresent()) {
      return PolicyResult.pass(rule, classification + " data is encrypted");
    }

    return PolicyResult.fail(
        rule,
        "data classified "
            + classification
            + " requires EncryptionRequired=true, but it is "
            + encryption.map(e -> "'" + e + "'").orElse("not set"),
        "set compliance.security.encryption_required: true in the asset");
  }
}

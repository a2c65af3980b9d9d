package io.dativo.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.PolicyConfig;
import io.dativo.core.tags.ResolvedTag;
import io.dativo.core.tags.TagOrigin;
import io.dativo.core.tags.TagSet;
import io.dativo.core.tags.TagSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyCheckerTest {
  private static final PolicyConfig POLICY =
      new PolicyConfig(
          true,
          List.of("TenantId", "CostCenter", "Owner"),
          Map.of("Environment", List.of("dev", "staging", "prod")),
          Set.of("PII", "Financial"),
          "test policy");

  @Test
  void aCompliantTagSetPassesEveryRule() {
    PolicyReport report =
        PolicyChecker.check(
            tags(
                "TenantId",
                "acme",
                "Environment",
                "prod",
                "CostCenter",
                "C1",
                "Owner",
                "o@a.com",
                "DataClassification",
                "PII",
                "ContainsPII",
                "true",
                "EncryptionRequired",
                "true"),
            POLICY);

    assertThat(report.hasViolations()).isFalse();
    assertThat(report.results()).hasSize(6);
  }

  @Test
  void aMissingRequiredTagNamesTheRuleAndWhereToSetIt() {
    PolicyReport report = PolicyChecker.check(tags("TenantId", "acme", "Owner", "o"), POLICY);

    assertThat(report.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("required_tag:CostCenter");
              assertThat(v.message()).isEqualTo("required tag CostCenter is missing");
              assertThat(v.fix())
                  .hasValueSatisfying(f -> assertThat(f).contains("finops.cost_center"));
            });
    assertThat(report.fails()).isTrue();
  }

  @Test
  void aValueOutsideTheAllowedOnesIsAViolation() {
    PolicyReport report =
        PolicyChecker.check(
            tags("TenantId", "a", "CostCenter", "c", "Owner", "o", "Environment", "production"),
            POLICY);

    assertThat(report.violations())
        .singleElement()
        .extracting(PolicyResult::message)
        .isEqualTo("Environment is 'production', which the policy does not allow");
  }

  @Test
  void piiDataRequiresEncryption() {
    PolicyReport report =
        PolicyChecker.check(
            tags(
                "TenantId",
                "a",
                "CostCenter",
                "c",
                "Owner",
                "o",
                "DataClassification",
                "PII",
                "EncryptionRequired",
                "false"),
            POLICY);

    assertThat(report.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("encryption_required:PII");
              assertThat(v.message())
                  .isEqualTo(
                      "data classified PII requires EncryptionRequired=true, but it is 'false'");
            });
  }

  @Test
  void aPiiColumnAloneTriggersTheEncryptionRule() {
    PolicyReport report =
        PolicyChecker.check(
            tags("TenantId", "a", "CostCenter", "c", "Owner", "o", "ContainsFinancial", "true"),
            POLICY);

    assertThat(report.violations())
        .extracting(PolicyResult::rule)
        .containsExactly("encryption_required:Financial");
  }

  @Test
  void violationsOnlyWarnUnlessEnforced() {
    PolicyReport report = PolicyChecker.check(tags("TenantId", "a"), PolicyConfig.DEFAULT);

    assertThat(report.hasViolations()).isTrue();
    assertThat(report.fails()).isFalse();
  }

  private static TagSet tags(String... keysAndValues) {
    Map<String, ResolvedTag> tags = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tags.put(
          keysAndValues[i],
          ResolvedTag.of(
              keysAndValues[i], keysAndValues[i + 1], TagOrigin.of(TagSource.JOB_FINOPS, "x")));
    }

    return new TagSet(tags);
  }
}

package io.dativo.core.tags;

import static io.dativo.core.tags.TagFixtures.JOB_HEAD;
import static io.dativo.core.tags.TagFixtures.tags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 002's "Tag Precedence", one test per step: later overrides earlier. */
class TagPrecedenceTest {
  private static final String ASSET_HEAD = "apiVersion: v3.0.2\nkind: DataContract\nname: orders\n";

  @TempDir Path dir;

  @Test
  void stepOneInfrastructureTagsApplyWhenNothingElseSetsTheKey() {
    TagSet tags =
        tags(dir, JOB_HEAD + "infrastructure:\n  tags:\n    cost_center: DATA-001\n", ASSET_HEAD);

    assertThat(tags.value("CostCenter")).contains("DATA-001");
    assertThat(tags.tag("CostCenter").orElseThrow().source()).isEqualTo(TagSource.INFRASTRUCTURE);
  }

  @Test
  void stepTwoAssetFinopsOverridesInfrastructureTags() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD + "infrastructure:\n  tags:\n    cost_center: DATA-001\n",
            ASSET_HEAD + "finops:\n  cost_center: FIN-001\n");

    ResolvedTag costCenter = tags.tag("CostCenter").orElseThrow();
    assertThat(costCenter.value()).isEqualTo("FIN-001");
    assertThat(costCenter.source()).isEqualTo(TagSource.ASSET_FINOPS);
    assertThat(costCenter.overrode())
        .extracting(ResolvedTag.Overridden::value)
        .containsExactly("DATA-001");
  }

  @Test
  void stepThreeJobFinopsOverridesAssetFinops() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD
                + "finops:\n  cost_center: JOB-7\ninfrastructure:\n  tags:\n    cost_center: DATA-001\n",
            ASSET_HEAD + "finops:\n  cost_center: FIN-001\n");

    ResolvedTag costCenter = tags.tag("CostCenter").orElseThrow();
    assertThat(costCenter.value()).isEqualTo("JOB-7");
    assertThat(costCenter.source()).isEqualTo(TagSource.JOB_FINOPS);
    assertThat(costCenter.overrode())
        .extracting(ResolvedTag.Overridden::value)
        .containsExactly("DATA-001", "FIN-001");
  }

  @Test
  void stepFourAssetComplianceOverridesEarlierSources() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD
                + "infrastructure:\n  tags:\n    regulations: SOC2\n    custom:\n      data_classification: confidential\n",
            ASSET_HEAD + "compliance:\n  classification: [PII]\n  regulations: [GDPR]\n");

    assertThat(tags.value("Regulations")).contains("GDPR");
    assertThat(tags.tag("Regulations").orElseThrow().source())
        .isEqualTo(TagSource.ASSET_COMPLIANCE);
    assertThat(tags.value("DataClassification")).contains("PII");
    assertThat(tags.tag("DataClassification").orElseThrow().overrode())
        .extracting(ResolvedTag.Overridden::value)
        .containsExactly("confidential");
  }

  @Test
  void stepFiveJobOverridesWinOverAssetCompliance() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD
                + "classification_overrides:\n  default: restricted\ngovernance_overrides:\n  retention_days: 30\n  owner: steward@acme.com\n",
            ASSET_HEAD
                + "team: {owner: team@acme.com}\ncompliance:\n  classification: [PII]\n  retention_days: 365\n");

    assertThat(tags.value("DataClassification")).contains("restricted");
    assertThat(tags.value("RetentionDays")).contains("30");
    assertThat(tags.value("Owner")).contains("steward@acme.com");
    assertThat(tags.tag("RetentionDays").orElseThrow().source()).isEqualTo(TagSource.JOB_OVERRIDE);
  }

  @Test
  void anEmptyOwnerOverrideRemovesTheOwner() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD + "governance_overrides:\n  owner: \"\"\n",
            ASSET_HEAD + "team: {owner: team@acme.com}\n");

    assertThat(tags.has("Owner")).isFalse();
  }

  @Test
  void seed002InfrastructureTagsWinOverSeed000MetadataTags() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD
                + "infrastructure:\n  tags: {cost_center: NEW}\n  metadata:\n    tags: {CostCenter: OLD}\n",
            null);

    assertThat(tags.value("CostCenter")).contains("NEW");
  }
}

package io.dativo.core.tags;

import static io.dativo.core.tags.TagFixtures.JOB_HEAD;
import static io.dativo.core.tags.TagFixtures.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagDeriverTest {
  private static final String ASSET_HEAD = "apiVersion: v3.0.2\nkind: DataContract\nname: orders\n";

  @TempDir Path dir;

  @Test
  void identityComesFromTheJob() {
    TagSet tags = tags(dir, JOB_HEAD, null);

    assertThat(tags.values())
        .containsEntry("TenantId", "acme")
        .containsEntry("Environment", "prod")
        .containsEntry("SourceConnector", "postgres")
        .containsEntry("TargetConnector", "iceberg")
        .containsEntry("Asset", "orders")
        .containsEntry("ManagedBy", "dativo")
        .containsEntry("LastModified", "2025-11-25T15:30:00Z");
  }

  @Test
  void infrastructureFactsAndDeclaredTagsBecomeCamelCaseTags() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD
                + """
                infrastructure:
                  provider: {provider: gcp, region: us-central1, project_id: my-gcp-project}
                  terraform: {workspace: acme-prod}
                  tags:
                    business_unit: Analytics
                    compliance: [SOC2, GDPR]
                    custom: {retention_policy: 90_days}
                """,
            null);

    assertThat(tags.values())
        .containsEntry("InfraProvider", "terraform")
        .containsEntry("CloudProvider", "gcp")
        .containsEntry("Region", "us-central1")
        .containsEntry("ProjectId", "my-gcp-project")
        .containsEntry("TerraformWorkspace", "acme-prod")
        .containsEntry("BusinessUnit", "Analytics")
        .containsEntry("Compliance", "SOC2,GDPR")
        .containsEntry("RetentionPolicy", "90_days");
  }

  @Test
  void anInferredCloudIsNotStatedAsATag() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD + "infrastructure:\n  provider: terraform\n  runtime: {platform: emr}\n",
            null);

    assertThat(tags.has("CloudProvider")).isFalse();
    assertThat(tags.value("Platform")).contains("emr");
  }

  @Test
  void odcsFieldsCount() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD,
            ASSET_HEAD
                + """
                status: active
                tags: [finance, orders]
                schema:
                  - {name: card, logicalType: string, classification: PCI}
                customProperties:
                  - {property: cost_center, value: CP-1}
                  - {property: business_unit, value: Sales}
                  - {property: regulations, value: [SOX]}
                slaProperties:
                  - {property: retention, value: 2, unit: y}
                """);

    assertThat(tags.values())
        .containsEntry("Status", "active")
        .containsEntry("DataTags", "finance,orders")
        .containsEntry("CostCenter", "CP-1")
        .containsEntry("BusinessUnit", "Sales")
        .containsEntry("Regulations", "SOX")
        .containsEntry("RetentionDays", "730")
        .containsEntry("ContainsPCI", "true");
  }

  @Test
  void legacyAssetGovernanceFeedsTheSameTags() {
    TagSet tags =
        tags(
            dir,
            JOB_HEAD,
            """
            asset:
              name: orders
              schema: [{name: id, type: integer}]
              governance:
                owner: finance-data@company.com
                cost_center: FIN-LEDGER-009
                tags: [orders, transactions]
                classification: [FINANCIAL]
                retention_days: 1825
            """);

    assertThat(tags.values())
        .containsEntry("Owner", "finance-data@company.com")
        .containsEntry("CostCenter", "FIN-LEDGER-009")
        .containsEntry("DataTags", "orders,transactions")
        .containsEntry("DataClassification", "FINANCIAL")
        .containsEntry("ContainsFinancial", "true")
        .containsEntry("RetentionDays", "1825");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PII, ContainsPII",
    "Financial, ContainsFinancial",
    "FINANCIAL, ContainsFinancial",
    "PCI-DSS, ContainsPCIDSS",
    "health data, ContainsHealthData",
    "PHI, ContainsPHI"
  })
  void classificationsBecomeContainsTags(String classification, String tag) {
    assertThat(TagKeys.containsTag(classification)).isEqualTo(tag);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "cost_center, CostCenter",
    "business-unit, BusinessUnit",
    "CustomTag, CustomTag",
    "data owner, DataOwner",
    "retention_policy, RetentionPolicy"
  })
  void userKeysBecomeCamelCase(String key, String tag) {
    assertThat(TagKeys.camelCase(key)).isEqualTo(tag);
  }

  @Test
  void aUserTagCannotSetAReservedIdentityKey() {
    assertThatThrownBy(
            () -> tags(dir, JOB_HEAD + "infrastructure:\n  tags:\n    tenant_id: globex\n", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("job.yaml:8:16: infrastructure.tags.tenant_id: 'TenantId' is 'acme'")
        .hasMessageContaining("a tag cannot change it to 'globex'");
  }

  @Test
  void aUserTagCannotSetASystemKeyEvenToTheSameValue() {
    assertThatThrownBy(
            () ->
                tags(
                    dir,
                    JOB_HEAD + "infrastructure:\n  metadata:\n    tags:\n      ManagedBy: dativo\n",
                    null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "infrastructure.metadata.tags.ManagedBy: 'ManagedBy' is set by Dativo and cannot be set by a tag");
  }

  @Test
  void aUserTagCannotContradictAnInfrastructureFact() {
    assertThatThrownBy(
            () ->
                tags(
                    dir,
                    JOB_HEAD
                        + "infrastructure:\n  provider: {provider: aws, region: us-east-1}\n  tags: {region: eu-west-1}\n",
                    null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'Region' is 'us-east-1'");
  }

  @Test
  void restatingTheJobsEnvironmentIsHarmless() {
    TagSet tags = tags(dir, JOB_HEAD + "infrastructure:\n  tags: {environment: prod}\n", null);

    assertThat(tags.value("Environment")).contains("prod");
    assertThat(tags.tag("Environment").orElseThrow().source()).isEqualTo(TagSource.IDENTITY);
  }

  @Test
  void theClockIsAnInputSoOutputIsReproducible() {
    var job = TagFixtures.job(dir, JOB_HEAD);
    Instant now = Instant.parse("2026-01-02T03:04:05.678Z");

    TagSet first =
        TagDeriver.derive(
            new TagInputs(
                job, Optional.empty(), now, Optional.of(Instant.parse("2025-01-01T00:00:00Z"))));
    TagSet second =
        TagDeriver.derive(
            new TagInputs(
                job, Optional.empty(), now, Optional.of(Instant.parse("2025-01-01T00:00:00Z"))));

    assertThat(first).isEqualTo(second);
    assertThat(first.value("LastModified")).contains("2026-01-02T03:04:05Z");
    assertThat(first.value("CreatedAt")).contains("2025-01-01T00:00:00Z");
  }
}

package io.dativo.core.tags.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobConfigLoader;
import io.dativo.core.config.Problems;
import io.dativo.core.config.TestFiles;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.AssetLoader;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergPropertyRulesTest {
  private static final String JOB =
      """
      tenant_id: acme
      environment: prod
      source_connector: stripe
      target_connector: iceberg
      asset: stripe_customers
      finops: {project: job-project}
      classification_overrides:
        name: sensitive
      governance_overrides:
        retention_days: 30
      infrastructure:
        provider:
          provider: aws
          region: us-east-1
          account_id: "123456789012"
          resources:
            - {resource_type: s3_bucket, resource_id: "arn:aws:s3:::acme-lake"}
        terraform: {workspace: acme-prod}
        tags:
          cost_center: DATA-001
          business_unit: Analytics
          environment: prod
          compliance: [SOC2, GDPR]
          custom: {data_classification: confidential, retention_policy: 90_days}
        metadata:
          deployment_id: deploy-20250126-001
          network: {vpc: vpc-1}
      """;

  private static final String ASSET =
      """
      apiVersion: v3.0.2
      kind: DataContract
      name: stripe_customers
      version: "1.0"
      domain: payments
      dataProduct: customer-360
      source_type: stripe
      object: customers
      schema:
        - {name: id, logicalType: string}
        - {name: email, logicalType: string, classification: PII}
        - {name: name, logicalType: string}
      team: {owner: data-team@acme.com}
      compliance: {classification: [PII, Financial], regulations: [GDPR], retention_days: 365}
      finops: {cost_center: FIN-001, business_tags: [payments, revenue], environment: production}
      """;

  @TempDir Path dir;

  @Test
  void rendersEveryNamespace() {
    Map<String, String> properties = render(JOB, ASSET).values();

    assertThat(properties)
        .containsEntry("classification.default", "pii")
        .containsEntry("classification.fields.email", "pii")
        .containsEntry("classification.fields.name", "sensitive")
        .doesNotContainKey("classification.fields.id")
        .containsEntry("governance.owner", "data-team@acme.com")
        .containsEntry("governance.domain", "payments")
        .containsEntry("governance.data_product", "customer-360")
        .containsEntry("governance.regulations", "GDPR")
        .containsEntry("governance.retention_days", "30")
        .containsEntry("finops.cost_center", "FIN-001")
        .containsEntry("finops.project", "job-project")
        .containsEntry("finops.business_tags", "payments,revenue")
        .containsEntry("finops.business_unit", "Analytics")
        .containsEntry("finops.environment", "production")
        .containsEntry("asset.name", "stripe_customers")
        .containsEntry("asset.version", "1.0")
        .containsEntry("asset.source_type", "stripe")
        .containsEntry("asset.object", "customers")
        .containsEntry("infrastructure.cost_center", "DATA-001")
        .containsEntry("infrastructure.business_unit", "Analytics")
        .containsEntry("infrastructure.environment", "prod")
        .containsEntry("infrastructure.compliance", "SOC2,GDPR")
        .containsEntry("infrastructure.custom.data_classification", "confidential")
        .containsEntry("infrastructure.custom.retention_policy", "90_days")
        .containsEntry("infrastructure.provider", "aws")
        .containsEntry("infrastructure.region", "us-east-1")
        .containsEntry("infrastructure.account_id", "123456789012")
        .containsEntry("infrastructure.tenant_id", "acme")
        .containsEntry("infrastructure.workspace", "acme-prod")
        .containsEntry("infrastructure.resources.s3_bucket", "arn:aws:s3:::acme-lake")
        .containsEntry("infrastructure.metadata.deployment_id", "deploy-20250126-001")
        .containsEntry("infrastructure.metadata.network.vpc", "vpc-1");
  }

  @Test
  void theJobsDefaultClassificationWins() {
    String job =
        JOB.replace(
            "classification_overrides:\n", "classification_overrides:\n  default: Restricted\n");

    assertThat(render(job, ASSET).values()).containsEntry("classification.default", "restricted");
  }

  @Test
  void anEmptyOwnerOverrideRemovesGovernanceOwner() {
    String job = JOB.replace("governance_overrides:\n", "governance_overrides:\n  owner: \"\"\n");

    assertThat(render(job, ASSET).values()).doesNotContainKey("governance.owner");
  }

  @Test
  void declaredInfrastructureTagsWinOverSeed000MetadataTags() {
    String job =
        JOB.replace(
            "  metadata:\n", "  metadata:\n    tags: {cost_center: FROM-METADATA, CustomTag: v}\n");

    assertThat(render(job, ASSET).values())
        .containsEntry("infrastructure.cost_center", "DATA-001")
        .containsEntry("infrastructure.CustomTag", "v");
  }

  @Test
  void glueParametersMirrorTheIcebergProperties() {
    Rendering iceberg = render(JOB, ASSET);

    assertThat(GlueParameterRules.render(iceberg).values()).isEqualTo(iceberg.values());
  }

  private Rendering render(String jobYaml, String assetYaml) {
    Problems problems = new Problems();
    JobConfig job =
        new JobConfigLoader(Map.of())
            .load(TestFiles.write(dir, "job.yaml", jobYaml), problems)
            .orElseThrow();
    assertThat(problems.errors()).isEmpty();
    AssetDefinition asset =
        new AssetLoader(Map.of()).load(TestFiles.write(dir, "asset.yaml", assetYaml));
    TagInputs inputs = TagInputs.of(job, Optional.of(asset), Instant.parse("2025-11-25T15:30:00Z"));
    return IcebergPropertyRules.render(inputs, TagDeriver.derive(inputs));
  }
}

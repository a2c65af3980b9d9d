package io.dativo.core.config.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobConfigLoader;
import io.dativo.core.config.Problems;
import io.dativo.core.config.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both seed shapes of the infrastructure block load into one model. */
class InfrastructureShapesTest {
  private static final String JOB_HEAD =
      "tenant_id: acme\nenvironment: prod\nsource_connector: postgres\ntarget_connector: iceberg\nasset: orders\n";

  @TempDir Path dir;

  @Test
  void cloudProviderShapeLoads() {
    Infrastructure infra =
        load(
            """
            infrastructure:
              provider:
                provider: aws
                region: us-east-1
                account_id: "123456789012"
                resources:
                  - resource_type: s3_bucket
                    resource_id: "arn:aws:s3:::acme-lake-prod"
              terraform:
                module_path: ./terraform/aws/dativo-etl
                workspace: prod
                backend: {type: s3, bucket: tf-state, key: dativo/acme/prod/terraform.tfstate}
                outputs:
                  s3_bucket_name: target.connection.s3.bucket
              tags:
                cost_center: DATA-001
                compliance: [SOC2, GDPR]
                custom:
                  retention_policy: 90_days
              metadata:
                deployment_id: deploy-1
            """);

    assertThat(infra.cloud()).contains(Cloud.AWS);
    assertThat(infra.cloudOrigin()).isEqualTo(CloudOrigin.DECLARED);
    assertThat(infra.iacTool()).contains("terraform");
    assertThat(infra.region()).contains("us-east-1");
    assertThat(infra.accountId()).contains("123456789012");
    assertThat(infra.workspace()).contains("prod");
    assertThat(infra.resources())
        .extracting(ResourceSpec::type)
        .containsExactly(ResourceType.S3_BUCKET);
    assertThat(infra.terraform().orElseThrow().backend().orElseThrow().setting("bucket"))
        .contains("tf-state");
    assertThat(infra.terraform().orElseThrow().outputs())
        .extracting(OutputMapping::output, OutputMapping::targetPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s3_bucket_name", "target.connection.s3.bucket"));
    assertThat(infra.tags().declared())
        .extracting(TagEntry::key, TagEntry::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cost_center", "DATA-001"),
            org.assertj.core.groups.Tuple.tuple("compliance", "SOC2,GDPR"));
    assertThat(infra.tags().custom()).extracting(TagEntry::key).containsExactly("retention_policy");
    assertThat(infra.metadata().values()).containsEntry("deployment_id", "deploy-1");
    assertThat(infra.shapes()).containsExactly(Infrastructure.SeedShape.CLOUD_PROVIDER);
  }

  @Test
  void iacRuntimeShapeLoads() {
    Infrastructure infra =
        load(
            """
            infrastructure:
              provider: terraform
              terraform:
                module_source: ../../terraform/aws/emr-dativo
                version: "1.2.0"
                workspace: prod
              runtime:
                platform: emr
                compute:
                  cluster_id: j-2AXXXXXXGAPLF
                  instance_type: r5.2xlarge
                  instance_count: 8
                  auto_scaling: {enabled: true, min_instances: 4, max_instances: 12}
                storage: {bucket: acme-data-lake-prod}
                network: {vpc_id: vpc-0a1b2c3d, subnet_ids: [subnet-abc123]}
              metadata:
                tags:
                  CostCenter: data-engineering
                variables:
                  enable_spot_instances: true
              resources:
                database: {engine: postgres}
              outputs:
                emr_cluster_id: infrastructure.metadata.emr_cluster_id
            """);

    assertThat(infra.cloud()).contains(Cloud.AWS);
    assertThat(infra.cloudOrigin()).isEqualTo(CloudOrigin.PLATFORM);
    assertThat(infra.iacTool()).contains("terraform");
    assertThat(infra.platform()).contains("emr");
    assertThat(infra.workspace()).contains("prod");
    RuntimeSpec.Compute compute = infra.runtime().orElseThrow().compute().orElseThrow();
    assertThat(compute.clusterId()).contains("j-2AXXXXXXGAPLF");
    assertThat(compute.instanceCount()).contains(8L);
    assertThat(compute.autoScaling().orElseThrow())
        .isEqualTo(new RuntimeSpec.AutoScaling(true, Optional.of(4L), Optional.of(12L)));
    assertThat(infra.runtime().orElseThrow().network().orElseThrow().subnetIds())
        .containsExactly("subnet-abc123");
    assertThat(infra.tags().metadataTags()).extracting(TagEntry::key).containsExactly("CostCenter");
    assertThat(infra.metadata().variables()).isEqualTo(Map.of("enable_spot_instances", true));
    assertThat(infra.services()).containsKey("database");
    assertThat(infra.terraform().orElseThrow().outputs())
        .extracting(OutputMapping::output)
        .containsExactly("emr_cluster_id");
    assertThat(infra.terraform().orElseThrow().moduleSource())
        .contains("../../terraform/aws/emr-dativo");
    assertThat(infra.shapes()).containsExactly(Infrastructure.SeedShape.IAC_RUNTIME);
  }

  @Test
  void bothShapesOfTheSameInfrastructureGiveTheSameCloudToolAndWorkspace() {
    Infrastructure declared =
        load(
            "infrastructure:\n  provider: {provider: gcp, region: us-central1, project_id: my-gcp-project}\n  terraform: {workspace: prod}\n");
    Infrastructure inferred =
        load(
            "infrastructure:\n  provider: terraform\n  terraform: {workspace: prod}\n  runtime: {platform: gke}\n");

    assertThat(List.of(declared.cloud(), declared.iacTool(), declared.workspace()))
        .isEqualTo(List.of(inferred.cloud(), inferred.iacTool(), inferred.workspace()));
  }

  @Test
  void theBucketSchemeNamesTheCloudWhenNothingElseDoes() {
    Infrastructure infra =
        load(
            "infrastructure:\n  provider: terraform\n  runtime:\n    storage: {bucket: gs://acme-lake}\n");

    assertThat(infra.cloud()).contains(Cloud.GCP);
    assertThat(infra.cloudOrigin()).isEqualTo(CloudOrigin.STORAGE_SCHEME);
  }

  @Test
  void aCloudNameAsTheProviderStringIsTakenAsTheCloud() {
    Infrastructure infra = load("infrastructure:\n  provider: azure\n");

    assertThat(infra.cloud()).contains(Cloud.AZURE);
    assertThat(infra.iacTool()).isEmpty();
  }

  @Test
  void bothShapesMixWhereTheyDoNotConflict() {
    Infrastructure infra =
        load(
            "infrastructure:\n  provider: {provider: aws, region: us-east-1}\n  runtime: {platform: emr}\n  metadata: {tags: {CustomTag: v}}\n");

    assertThat(infra.shapes())
        .containsExactlyInAnyOrder(
            Infrastructure.SeedShape.CLOUD_PROVIDER, Infrastructure.SeedShape.IAC_RUNTIME);
    assertThat(infra.cloudOrigin()).isEqualTo(CloudOrigin.DECLARED);
  }

  private Infrastructure load(String infrastructure) {
    Path file = TestFiles.write(dir, "job.yaml", JOB_HEAD + infrastructure);
    Problems problems = new Problems();
    Optional<JobConfig> job = new JobConfigLoader(Map.of()).load(file, problems);
    assertThat(problems.errors()).isEmpty();
    return job.orElseThrow().infrastructure().orElseThrow();
  }
}

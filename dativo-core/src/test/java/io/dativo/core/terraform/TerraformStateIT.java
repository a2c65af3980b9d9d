package io.dativo.core.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.Secret;
import io.dativo.core.config.TestFiles;
import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.rules.IcebergPropertyRules;
import io.dativo.core.testing.TerraformTestSupport;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Terraform runs in named workspaces, read back by every local state source. */
class TerraformStateIT {
  private static final Path MODULE = Path.of("src/test/resources/terraform/outputs-module");

  @TempDir static Path root;
  static Path module;
  static TerraformCli cli;

  @BeforeAll
  static void applyInTwoWorkspaces() {
    cli = TerraformTestSupport.terraform();
    module = TerraformTestSupport.copyModule(MODULE, root.resolve("module"));
    TerraformTestSupport.apply(cli, module, "default");
    TerraformTestSupport.apply(cli, module, "acme-prod");
  }

  @Test
  void readsTheLocalBackendOfTheDefaultWorkspace() {
    StateLookup lookup = resolverWithoutCli().resolve(spec(Optional.empty()), Optional.empty());

    assertThat(lookup.outputs().orElseThrow().output("s3_bucket_name").orElseThrow().value())
        .isEqualTo("acme-dativo-data-lake-default");
    assertThat(lookup.outputs().get().location()).endsWith("module/terraform.tfstate");
  }

  @Test
  void readsTheLocalBackendOfANamedWorkspace() {
    StateLookup lookup =
        resolverWithoutCli().resolve(spec(Optional.of("acme-prod")), Optional.empty());

    TerraformOutputs outputs = lookup.outputs().orElseThrow();
    assertThat(outputs.location()).endsWith("terraform.tfstate.d/acme-prod/terraform.tfstate");
    assertThat(outputs.output("s3_bucket_name").orElseThrow().value())
        .isEqualTo("acme-dativo-data-lake-acme-prod");
    assertThat(outputs.output("db_port").orElseThrow().value()).isEqualTo(new BigDecimal("5432"));
    assertThat(outputs.output("subnet_ids").orElseThrow().value())
        .isEqualTo(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"));
    assertThat(outputs.output("db_password").orElseThrow().sensitive()).isTrue();
  }

  @Test
  void readsOutputsThroughTheTerraformBinaryWhenNoStateFileIsWhereTheBackendSays() {
    // The job claims a local backend at another path: only 'terraform output -json' can find the
    // state.
    TerraformSpec spec =
        spec(
            Optional.of("acme-prod"),
            Optional.of(new BackendSpec("local", Map.of("path", "elsewhere.tfstate"))));

    StateLookup lookup =
        new OutputResolver(TerraformTestSupport.env(), Optional.of(cli), List.of())
            .resolve(spec, Optional.empty());

    assertThat(lookup.outputs().orElseThrow().location()).startsWith("terraform output -json in");
    assertThat(lookup.outputs().get().output("s3_bucket_name").orElseThrow().value())
        .isEqualTo("acme-dativo-data-lake-acme-prod");
  }

  @Test
  void anExplicitStateFileWins() {
    Path state = module.resolve("terraform.tfstate.d/acme-prod/terraform.tfstate");

    StateLookup lookup =
        resolverWithoutCli().resolve(spec(Optional.of("other")), Optional.of(state));

    assertThat(lookup.outputs().orElseThrow().output("s3_bucket_name").orElseThrow().value())
        .isEqualTo("acme-dativo-data-lake-acme-prod");
  }

  @Test
  void mappedOutputsFillTheEffectiveJob() {
    LoadedJob loaded =
        load(
            jobYaml(
                "acme-prod",
                "db_password: source.connection.password\n      db_port: source.connection.port\n"),
            TerraformOutputsTransform.Requirement.REQUIRED);
    JobConfig job = loaded.job();

    assertThat(job.target())
        .extractingByKey("connection")
        .isEqualTo(
            Map.of("s3", Map.of("bucket", "acme-dativo-data-lake-acme-prod", "prefix", "raw")));
    assertThat(job.infrastructure().orElseThrow().metadata().values())
        .containsEntry(
            "iam_role_arn", "arn:aws:iam::123456789012:role/acme-dativo-etl-role-acme-prod");
    @SuppressWarnings("unchecked")
    Map<String, Object> connection = (Map<String, Object>) job.source().get("connection");
    assertThat(connection.get("password")).isInstanceOf(Secret.class).hasToString("****");
    assertThat(((Secret) connection.get("password")).value()).isEqualTo("s3cret-acme-prod");
    assertThat(connection.get("port")).isEqualTo(5432L);
    assertThat(loaded.warnings())
        .anySatisfy(
            w -> assertThat(w.message()).contains("replaced by Terraform output 's3_bucket_name'"));
  }

  @Test
  void aSensitiveOutputNeverReachesTagsOrTableProperties() {
    LoadedJob loaded =
        load(
            jobYaml("acme-prod", "db_password: infrastructure.metadata.db_password\n"),
            TerraformOutputsTransform.Requirement.REQUIRED);
    TagInputs inputs = TagInputs.of(loaded.job(), Optional.empty(), Instant.EPOCH);

    var properties = IcebergPropertyRules.render(inputs, TagDeriver.derive(inputs)).values();

    assertThat(properties)
        .containsKey("infrastructure.metadata.iam_role_arn")
        .doesNotContainKey("infrastructure.metadata.db_password");
    assertThat(properties.values()).noneMatch(v -> v.contains("s3cret"));
    assertThat(TagDeriver.derive(inputs).values().values()).noneMatch(v -> v.contains("s3cret"));
  }

  @Test
  void aSensitiveOutputCannotBecomeATag() {
    assertThatThrownBy(
            () ->
                load(
                    jobYaml("acme-prod", "db_password: infrastructure.tags.password\n"),
                    TerraformOutputsTransform.Requirement.REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("a sensitive Terraform output cannot be a tag")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aMissingOutputNamesTheOutputTheWorkspaceAndTheOutputsThatExist() {
    assertThatThrownBy(
            () ->
                load(
                    jobYaml("acme-prod", "glue_database_name: target.catalog.glue_database\n"),
                    TerraformOutputsTransform.Requirement.REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Terraform output 'glue_database_name' not found in")
        .hasMessageContaining("(workspace acme-prod)")
        .hasMessageContaining(
            "outputs that exist: applied_tags, db_password, db_port, iam_role_arn, motd, s3_bucket_name, subnet_ids");
  }

  @Test
  void aPathThroughAScalarIsAnError() {
    assertThatThrownBy(
            () ->
                load(
                    jobYaml("acme-prod", "db_port: target.connection.s3.prefix.port\n"),
                    TerraformOutputsTransform.Requirement.REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "Cannot write output 'db_port' to target.connection.s3.prefix.port: target.connection.s3.prefix is a string, not a mapping");
  }

  @Test
  void aTypeClashIsAnError() {
    assertThatThrownBy(
            () ->
                load(
                    jobYaml("acme-prod", "subnet_ids: target.connection.s3.prefix\n"),
                    TerraformOutputsTransform.Requirement.REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the job has a string there, the output is a list");
  }

  @Test
  void beforeProvisioningAMissingStateIsOnlyAWarning() {
    LoadedJob loaded =
        load(jobYaml("never-applied", ""), TerraformOutputsTransform.Requirement.OPTIONAL);

    assertThat(loaded.warnings())
        .anySatisfy(
            w ->
                assertThat(w.message())
                    .contains(
                        "mapped Terraform output(s) unresolved: no state found for workspace never-applied"));
    assertThat(loaded.job().target())
        .extractingByKey("connection")
        .isEqualTo(Map.of("s3", Map.of("bucket", "from-the-job", "prefix", "raw")));
  }

  @Test
  void commandsThatNeedTheValuesFailWithoutState() {
    assertThatThrownBy(
            () ->
                load(jobYaml("never-applied", ""), TerraformOutputsTransform.Requirement.REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no state found for workspace never-applied");
  }

  private LoadedJob load(String yaml, TerraformOutputsTransform.Requirement requirement) {
    Path job = TestFiles.write(root, "job-" + System.nanoTime() + ".yaml", yaml);
    var transform =
        new TerraformOutputsTransform(resolverWithoutCli(), Optional.empty(), requirement);
    return new JobLoader(Map.of())
        .withTransform(transform)
        .load(job, JobLoader.AssetRequirement.OPTIONAL);
  }

  private static String jobYaml(String workspace, String extraOutputs) {
    return """
        tenant_id: acme
        environment: prod
        source_connector: postgres
        target_connector: iceberg
        asset: orders
        target:
          connection:
            s3: {bucket: from-the-job, prefix: raw}
        infrastructure:
          provider: {provider: aws, region: us-east-1}
          terraform:
            module_path: %s
            workspace: %s
            outputs:
              s3_bucket_name: target.connection.s3.bucket
              iam_role_arn: infrastructure.metadata.iam_role_arn
              %s
        """
        .formatted(module, workspace, extraOutputs);
  }

  private static OutputResolver resolverWithoutCli() {
    return new OutputResolver(TerraformTestSupport.env(), Optional.empty(), List.of());
  }

  private static TerraformSpec spec(Optional<String> workspace) {
    return spec(workspace, Optional.empty());
  }

  private static TerraformSpec spec(Optional<String> workspace, Optional<BackendSpec> backend) {
    assertThat(Files.isDirectory(module)).isTrue();
    return new TerraformSpec(
        Optional.of(module),
        Optional.empty(),
        Optional.empty(),
        workspace,
        backend,
        Map.of(),
        List.of());
  }
}

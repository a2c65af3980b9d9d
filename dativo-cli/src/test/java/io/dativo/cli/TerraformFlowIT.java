package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dativo.core.terraform.TerraformCli;
import io.dativo.core.testing.TerraformTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Terraform flow end to end with the real binary: tfvars, apply, outputs into the job. */
class TerraformFlowIT {
  private static final Path MODULE =
      Path.of("../dativo-core/src/test/resources/terraform/outputs-module");

  @TempDir Path dir;
  TerraformCli terraform;
  Path module;
  Path job;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    terraform = TerraformTestSupport.terraform();
    module = TerraformTestSupport.copyModule(MODULE, dir.resolve("module"));
    env = new HashMap<>(TerraformTestSupport.env());
    env.put("SOURCE_DATE_EPOCH", "1764084600");
    job = dir.resolve("job.yaml");
    Files.writeString(
        job,
        """
        tenant_id: acme
        environment: prod
        source_connector: postgres
        target_connector: iceberg
        asset: orders
        finops: {cost_center: FIN-001, business_tags: [sales, analytics]}
        infrastructure:
          provider: {provider: aws, region: us-east-1, account_id: "123456789012"}
          terraform:
            module_path: ./module
            workspace: acme-prod
            outputs:
              s3_bucket_name: target.connection.s3.bucket
              db_password: source.connection.password
            variables:
              motd: "quotes \\" back\\\\slash ${literal} %{x} ü\\nnext line"
          tags:
            owner: "data-team@acme.com"
        """
            .replace("${literal}", "$${not_a_template}"));
  }

  @Test
  void terraformAppliesGeneratedTfvarsWhoseTagsEqualTheAwsRendering() throws IOException {
    Path tfvars = module.resolve("dativo.auto.tfvars");
    CliRun tfvarsRun =
        CliRun.of(
            env,
            "infra",
            "tfvars",
            "--config",
            job.toString(),
            "--out",
            tfvars.toString(),
            "--with-timestamps");
    assertThat(tfvarsRun.exitCode()).as(tfvarsRun.err()).isZero();
    TerraformTestSupport.run(terraform, module, "fmt", "-check", "dativo.auto.tfvars");

    TerraformTestSupport.apply(terraform, module, "acme-prod");

    JsonNode applied =
        new ObjectMapper()
            .readTree(
                TerraformTestSupport.run(terraform, module, "output", "-json", "applied_tags")
                    .stdout());
    JsonNode rendered =
        new ObjectMapper()
            .readTree(
                CliRun.of(
                        env,
                        "infra",
                        "tags",
                        "--config",
                        job.toString(),
                        "--for",
                        "aws",
                        "--format",
                        "json")
                    .out());
    assertThat(applied).isEqualTo(rendered);
    String motd =
        new ObjectMapper()
            .readTree(
                TerraformTestSupport.run(terraform, module, "output", "-json", "motd").stdout())
            .asText();
    assertThat(motd).isEqualTo("quotes \" back\\slash ${not_a_template} %{x} ü\nnext line");
  }

  @Test
  void applyRunsTerraformAndPrintsTheMappedOutputs() {
    CliRun apply = CliRun.of(env, "infra", "apply", "--config", job.toString(), "--auto-approve");

    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains("$ terraform init")
        .contains("$ terraform workspace select -or-create=true -no-color acme-prod");
    assertThat(apply.out())
        .contains(
            "target.connection.s3.bucket = acme-dativo-data-lake-acme-prod  (output s3_bucket_name)");
    assertThat(apply.out())
        .contains("source.connection.password = (sensitive)  (output db_password)");
    assertThat(apply.err()).contains("dativo: terraform steps: init").contains("apply");
    assertThat(apply.out() + apply.err()).doesNotContain("s3cret");
  }

  @Test
  void applyWithoutApprovalOnlyPlans() {
    CliRun apply = CliRun.of(env, "infra", "apply", "--config", job.toString());

    assertThat(apply.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(apply.err())
        .contains("Not applied: no terminal to confirm on. Re-run with --auto-approve");
    assertThat(Files.exists(module.resolve("terraform.tfstate.d/acme-prod/terraform.tfstate")))
        .isFalse();
  }

  @Test
  void outputsPrintsMappedValuesWithSecretsMasked() throws IOException {
    TerraformTestSupport.apply(terraform, module, "acme-prod");
    Path export = dir.resolve("out/infrastructure.json");

    CliRun outputs =
        CliRun.of(
            env,
            "infra",
            "outputs",
            "--config",
            job.toString(),
            "--format",
            "json",
            "--export",
            export.toString());

    assertThat(outputs.exitCode()).as(outputs.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(outputs.out());
    assertThat(json.get("target.connection.s3.bucket").asText())
        .isEqualTo("acme-dativo-data-lake-acme-prod");
    assertThat(json.get("source.connection.password").asText()).isEqualTo("(sensitive)");
    assertThat(Files.readString(export)).isEqualTo(outputs.out()).doesNotContain("s3cret");
  }

  @Test
  void planFailsClearlyWithoutTheBinary() {
    Map<String, String> noTerraform = new HashMap<>(env);
    noTerraform.put("PATH", dir.toString());

    CliRun plan = CliRun.of(noTerraform, "infra", "plan", "--config", job.toString());

    assertThat(plan.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
    assertThat(plan.err()).contains("Cannot run Terraform: no terraform binary on PATH");
  }

  @Test
  void aFailingTerraformStepIsAnExternalFailure() throws IOException {
    Files.writeString(
        module.resolve("broken.tf"),
        "resource \"terraform_data\" \"x\" {\n  input = var.does_not_exist\n}\n");

    CliRun plan = CliRun.of(env, "infra", "plan", "--config", job.toString());

    assertThat(plan.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
    assertThat(plan.err()).contains("terraform plan failed (exit 1)");
  }

  /** The README's Terraform example, on a copy of examples/: apply, outputs into the job, run. */
  @Test
  void theReadmeTerraformDemoRunsEndToEnd() throws IOException {
    Path examples = dir.resolve("repo/examples");
    copyTree(Path.of("../examples"), examples);
    Path job = examples.resolve("jobs/acme/terraform_demo.yaml");
    Path cwd = dir.resolve("repo");

    CliRun apply =
        CliRun.in(cwd, env, "infra", "apply", "--config", job.toString(), "--auto-approve");
    CliRun run = CliRun.in(cwd, env, "run", "--config", job.toString());

    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("target.table = orders_dev  (output table_name)");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("done: acme.terraform_demo.orders_dev").contains("3,000 read");
    assertThat(cwd.resolve(".dativo/terraform-demo/acme-dev/warehouse")).isDirectory();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file :
          files
              .filter(
                  f -> !f.toString().contains(".terraform") && !f.toString().contains("tfstate"))
              .toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
  }
}

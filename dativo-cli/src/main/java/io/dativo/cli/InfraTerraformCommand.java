package io.dativo.cli;

import io.dativo.core.config.JobLoader;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.OutputMapping;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.terraform.HclWriter;
import io.dativo.core.terraform.OutputResolver;
import io.dativo.core.terraform.OutputValue;
import io.dativo.core.terraform.TerraformCli;
import io.dativo.core.terraform.TerraformException;
import io.dativo.core.terraform.TerraformOutputs;
import io.dativo.core.terraform.TerraformOutputsTransform;
import io.dativo.core.terraform.TerraformRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/** What {@code infra plan} and {@code infra apply} share: variables, the runner, the summary. */
abstract class InfraTerraformCommand {
  @Mixin JobOptions job;

  @picocli.CommandLine.Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The Terraform module (default: terraform.module_path).")
  Path dir;

  @picocli.CommandLine.Option(
      names = "--for",
      paramLabel = "CLOUD",
      description = "aws, gcp or azure (default: the job's cloud).")
  String target;

  abstract InfraCommand infra();

  /** Variables written, init and workspace done; the runner is ready to plan. */
  record Prepared(
      TerraformRunner runner, Path dir, String workspace, Path varFile, JobLoading loading) {}

  Prepared prepare(CliContext context) {
    JobLoading loading =
        JobLoading.load(
            context,
            job,
            JobLoader.AssetRequirement.OPTIONAL,
            TerraformOutputsTransform.Requirement.OPTIONAL);
    JobTags tags = JobTags.of(context, loading.loaded(), job);
    if (tags.policy().fails()) {
      throw new PolicyViolation("Cannot run Terraform", tags.policy());
    }

    Cloud cloud = TerraformFiles.cloud(loading.loaded(), target);
    Path module =
        Optional.ofNullable(dir)
            .map(context::resolve)
            .or(() -> TerraformFiles.moduleDir(loading.loaded()))
            .orElseThrow(
                () ->
                    TerraformException.input(
                        "Cannot run Terraform: the job has no terraform.module_path",
                        "add it, or pass --dir DIR"));
    if (!java.nio.file.Files.isDirectory(module)) {
      throw TerraformException.input(
          "Cannot run Terraform: module directory " + module + " does not exist",
          "check terraform.module_path or --dir");
    }

    TerraformCli cli =
        TerraformCli.find(context.env())
            .orElseThrow(
                () ->
                    TerraformException.external(
                        "Cannot run Terraform: no terraform binary on PATH",
                        "install Terraform (https://developer.hashicorp.com/terraform/install), or set DATIVO_TERRAFORM",
                        null));
    Path varFile = module.resolve(TerraformFiles.HCL_FILE);
    TerraformFiles.write(varFile, HclWriter.write(TerraformFiles.variables(tags, cloud, false)));
    context.err().println("dativo: wrote " + varFile);
    TerraformRunner runner =
        new TerraformRunner(cli, context.out()::println, context.err()::println);
    String workspace =
        new OutputResolver(context.env(), Optional.of(cli), List.of())
            .workspace(
                loading
                    .loaded()
                    .job()
                    .infrastructure()
                    .flatMap(i -> i.terraform())
                    .orElse(emptySpec()));
    Prepared prepared = new Prepared(runner, module, workspace, varFile, loading);
    if (!runner.prepare(module, workspace)) {
      throw failed(runner);
    }

    return prepared;
  }

  static TerraformException failed(TerraformRunner runner) {
    TerraformRunner.Step step = runner.failed().orElseThrow();
    return TerraformException.external(
        "terraform " + step.name() + " failed (exit " + step.exitCode() + ")",
        "see Terraform's messages above",
        null);
  }

  /** Step durations, and the job's mapped values from the fresh outputs. */
  void summarize(CliContext context, Prepared prepared, Optional<TerraformOutputs> outputs) {
    StringBuilder timing = new StringBuilder("dativo: terraform steps:");
    prepared
        .runner()
        .steps()
        .forEach(
            s ->
                timing
                    .append(' ')
                    .append(s.name())
                    .append(' ')
                    .append(s.duration().toMillis())
                    .append(" ms;"));
    context.err().println(timing.toString().replaceAll(";$", ""));
    EventLog log = infra().root.log();
    if (log.isJson()) {
      var job = prepared.loading().loaded().job();
      prepared
          .runner()
          .steps()
          .forEach(
              s ->
                  log.event(
                      s.succeeded() ? "INFO" : "ERROR",
                      "terraform_step",
                      "terraform " + s.name() + " exit " + s.exitCode(),
                      Map.of(
                          "tenant",
                          job.tenantId(),
                          "job",
                          job.file().getFileName().toString(),
                          "step",
                          s.name(),
                          "exit_code",
                          s.exitCode(),
                          "duration_ms",
                          s.duration().toMillis())));
    }
    if (outputs.isEmpty()) {
      return;
    }

    List<OutputMapping> mappings =
        prepared
            .loading()
            .loaded()
            .job()
            .infrastructure()
            .flatMap(i -> i.terraform())
            .map(TerraformSpec::outputs)
            .orElse(List.of());
    for (OutputMapping mapping : mappings) {
      String value =
          outputs
              .get()
              .output(mapping.output())
              .map(OutputValue::display)
              .orElse("(missing: no such output)");
      context
          .out()
          .println(mapping.targetPath() + " = " + value + "  (output " + mapping.output() + ")");
    }
  }

  private static TerraformSpec emptySpec() {
    return new TerraformSpec(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        java.util.Map.of(),
        List.of());
  }
}

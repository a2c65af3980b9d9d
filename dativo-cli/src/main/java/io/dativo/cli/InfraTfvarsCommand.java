package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.terraform.HclWriter;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra tfvars}: the job's Terraform variables, tags included. */
@Command(
    name = "tfvars",
    header = "Write the job's Terraform variables (tags included).",
    mixinStandardHelpOptions = true,
    description = {
      "Write the job's Terraform variables: tenant_id, environment, region, tags (exactly what",
      "'infra apply-tags' writes, LastModified only with --with-timestamps), labels on GCP, the",
      "runtime values, and the job's terraform.variables and metadata.variables.",
      "--format hcl (default) or json. Without --out: <module_path>/dativo.auto.tfvars[.json]."
    })
final class InfraTfvarsCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Mixin JobOptions job;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write ('-' for stdout).")
  String out;

  @Option(
      names = "--for",
      paramLabel = "CLOUD",
      description = "aws, gcp or azure (default: the job's cloud).")
  String target;

  @Option(
      names = "--with-timestamps",
      description = "Include LastModified in the tags (changes on every run).")
  boolean withTimestamps;

  @Override
  public Integer call() {
    CliContext context = infra.root.context;
    JobLoading loading =
        JobLoading.load(
            context,
            job,
            JobLoader.AssetRequirement.OPTIONAL,
            TerraformOutputsTransform.Requirement.OPTIONAL);
    JobTags tags = JobTags.of(context, loading.loaded(), job);
    Cloud cloud = TerraformFiles.cloud(loading.loaded(), target);
    Map<String, Object> variables = TerraformFiles.variables(tags, cloud, withTimestamps);
    boolean json = infra.root.format == OutputFormat.json;
    String text = json ? json(variables) : HclWriter.write(variables);
    Path file = destination(context, loading, json);
    if (file == null) {
      context.out().print(text);
    } else {
      TerraformFiles.write(file, text);
      context.err().println("wrote " + variables.size() + " variables to " + file);
    }

    loading.loaded().warnings().forEach(w -> context.err().println("warning: " + w));
    return tags.policy().fails() ? ExitCode.VALIDATION_FAILED : ExitCode.OK;
  }

  private Path destination(CliContext context, JobLoading loading, boolean json) {
    if ("-".equals(out)) {
      return null;
    }

    if (out != null) {
      return context.resolve(Path.of(out));
    }

    return TerraformFiles.moduleDir(loading.loaded())
        .map(dir -> dir.resolve(json ? TerraformFiles.JSON_FILE : TerraformFiles.HCL_FILE))
        .orElse(null);
  }

  static String json(Map<String, Object> variables) {
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(variables)
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

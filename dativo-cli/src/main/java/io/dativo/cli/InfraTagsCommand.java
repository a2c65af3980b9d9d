package io.dativo.cli;

import io.dativo.cli.output.TagsReport;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.rules.Rendering;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra tags}: print a job's resolved tag set, rendered for one provider. */
@Command(
    name = "tags",
    mixinStandardHelpOptions = true,
    description = {
      "Print the resolved tag set of a job, rendered for a provider.",
      "--format json prints one JSON object of key to value on stdout and nothing else."
    })
final class InfraTagsCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions job;

  @Option(
      names = "--for",
      paramLabel = "TARGET",
      defaultValue = "resource",
      description =
          "resource (the tag set itself, default), aws, gcp, azure, k8s, k8s-annotations, unity,"
              + " glue or iceberg.")
  String target;

  @Option(names = "--explain", description = "Show each tag's value, source, and what it overrode.")
  boolean explain;

  @Override
  public Integer call() {
    DativoCommand root = infra.root;
    CliContext context = root.context;
    if (!TagRenderers.TARGETS.contains(target)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Unknown --for '"
              + target
              + "': expected one of "
              + String.join(", ", TagRenderers.TARGETS));
    }

    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.OPTIONAL,
                TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    JobTags tags = JobTags.of(context, loaded, job);
    Rendering rendering =
        TagRenderers.render(target, tags.inputs(), tags.tags(), loaded.job().tagOverflow());
    TagsReport report = new TagsReport(context.workingDir(), loaded, tags.tags(), rendering);
    context
        .out()
        .print(
            root.format == OutputFormat.json
                ? report.toJson(explain) + "\n"
                : report.toText(explain, context.color()));
    context.err().print(report.warningsText(context.color()));
    context
        .err()
        .print(io.dativo.cli.output.CheckReport.policyText(tags.policy(), context.color()));
    return tags.policy().fails() ? ExitCode.VALIDATION_FAILED : ExitCode.OK;
  }
}

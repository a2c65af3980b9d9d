package io.dativo.cli;

import io.dativo.cli.output.CheckReport;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code dativo check}: validate a job, what it names, its tags and its policy. */
@Command(
    name = "check",
    description = {
      "Validate a job file and the asset and connector recipes it names, compute its tags,",
      "and run the policy checks. Prints every problem with file:line:column, the key path,",
      "and a hint."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand DativoCommand root;

  @Mixin JobOptions job;

  @Override
  public Integer call() {
    CliContext context = root.context;
    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.REQUIRED,
                TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    JobTags tags = JobTags.of(context, loaded, job);
    // The job's own cloud must be able to hold its tags (no collisions, within limits).
    loaded
        .job()
        .infrastructure()
        .flatMap(i -> i.cloud())
        .ifPresent(
            cloud ->
                TagRenderers.render(
                    cloud.id(), tags.inputs(), tags.tags(), loaded.job().tagOverflow()));
    CheckReport report = CheckReport.of(context.workingDir(), loaded, tags.policy());
    if (root.format == OutputFormat.json) {
      context.out().println(report.toJson());
    } else {
      context.out().print(report.toText(context.color()));
    }

    context.err().print(report.policyText(context.color()));
    return tags.policy().fails() ? ExitCode.VALIDATION_FAILED : ExitCode.OK;
  }
}

package io.dativo.cli;

import io.dativo.cli.output.CheckReport;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code dativo check}: validate a job, what it names, its tags and its policy. */
@Command(
    name = "check",
    header =
        "Validate a job, its asset and connectors; compute its tags and run the policy checks.",
    mixinStandardHelpOptions = true,
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
    // The run's table settings are checked here too, so a job check passes is one run accepts.
    RunCommand.tableProperties(loaded, Map.of(), warning -> {});
    RunCommand.targetFileBytes(loaded);
    CheckReport report = CheckReport.of(context.workingDir(), loaded, tags.policy());
    if (root.format == OutputFormat.json) {
      context.out().println(report.toJson());
    } else {
      context.out().print(report.toText(context.color()));
    }

    context.err().print(report.policyText(context.color()));
    notYetRunnable(loaded).forEach(w -> context.err().println("warning: " + w));
    return tags.policy().fails() ? ExitCode.VALIDATION_FAILED : ExitCode.OK;
  }

  /**
   * A valid job can still name what this version cannot run: said here, so `run` holds no surprise
   * (the seeds' own examples name a BigQuery catalog, hence a warning, not an error).
   */
  static java.util.List<String> notYetRunnable(LoadedJob loaded) {
    java.util.List<String> warnings = new java.util.ArrayList<>();
    var job = loaded.job();
    if (!io.dativo.ingest.source.Sources.AVAILABLE.contains(job.sourceConnector())) {
      warnings.add(
          "dativo run cannot read the "
              + job.sourceConnector()
              + " source in this version (available: "
              + String.join(", ", io.dativo.ingest.source.Sources.AVAILABLE)
              + ")");
    }

    if (!io.dativo.ingest.source.Sources.AVAILABLE_TARGETS.contains(job.targetConnector())) {
      warnings.add(
          "dativo run cannot write the "
              + job.targetConnector()
              + " target in this version (available: "
              + String.join(", ", io.dativo.ingest.source.Sources.AVAILABLE_TARGETS)
              + ")");
    }

    String catalog =
        io.dativo.ingest.catalog.CatalogFactory.spec(job.target(), java.nio.file.Path.of("."))
            .type();
    if (!io.dativo.ingest.catalog.CatalogFactory.TYPES.contains(catalog)) {
      warnings.add(
          "dativo run cannot open "
              + (io.dativo.ingest.catalog.CatalogFactory.NOT_YET.contains(catalog)
                  ? "a " + catalog + " catalog in this version"
                  : "an unknown catalog type '"
                      + catalog
                      + "' ("
                      + io.dativo.core.config.Suggestions.hint(
                          catalog, io.dativo.ingest.catalog.CatalogFactory.TYPES)
                      + ")")
              + " (available: "
              + String.join(", ", io.dativo.ingest.catalog.CatalogFactory.TYPES)
              + "); --local-warehouse DIR runs the job into a local catalog");
    }

    return warnings;
  }
}

package io.dativo.cli;

import io.dativo.cli.output.CheckReport;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo check}: validate a job and the asset and connectors it names. */
@Command(
    name = "check",
    description = {
      "Validate a job file and the asset and connector recipes it names.",
      "Prints every problem with file:line:column, the key path, and a hint."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand DativoCommand root;

  @Option(
      names = {"--config", "-c"},
      required = true,
      paramLabel = "JOB",
      description = "The job file (YAML).")
  Path config;

  @Override
  public Integer call() {
    CliContext context = root.context;
    Path file = context.resolve(config);
    LoadedJob loaded = new JobLoader(context.env()).load(file, JobLoader.AssetRequirement.REQUIRED);
    CheckReport report = CheckReport.of(context.workingDir(), loaded);
    if (root.format == OutputFormat.json) {
      context.out().println(report.toJson());
    } else {
      context.out().print(report.toText(context.color()));
    }

    return ExitCode.OK;
  }
}

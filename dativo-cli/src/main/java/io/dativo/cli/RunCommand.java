package io.dativo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo run}: not built yet, and says so rather than pretending. */
@Command(
    name = "run",
    description = "Run a job (not available in this version yet: use 'dativo check').")
final class RunCommand implements Callable<Integer> {
  @ParentCommand DativoCommand root;

  @Option(names = "--config", paramLabel = "JOB", description = "The job file.")
  Path config;

  @Option(names = "--mode", paramLabel = "MODE", description = "Execution mode.")
  String mode;

  @Override
  public Integer call() {
    root.context
        .err()
        .println(
            "Cannot run: 'dativo run' is not available in this version yet. 'dativo check --config"
                + " JOB' validates a job and everything it names.");
    return ExitCode.INVALID_CONFIG;
  }
}

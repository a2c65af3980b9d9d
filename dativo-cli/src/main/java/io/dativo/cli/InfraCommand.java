package io.dativo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra}: the infrastructure commands. */
@Command(
    name = "infra",
    mixinStandardHelpOptions = true,
    description = "Infrastructure commands: tags, Terraform variables, plan, apply and outputs.",
    subcommands = {
      InfraTagsCommand.class,
      InfraTfvarsCommand.class,
      InfraPlanCommand.class,
      InfraApplyCommand.class,
      InfraOutputsCommand.class,
      InfraValidateCommand.class,
      InfraApplyTagsCommand.class,
      InfraK8sManifestCommand.class
    })
final class InfraCommand implements Runnable {
  @ParentCommand DativoCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing command: try 'dativo infra tags --config JOB.yaml'");
  }
}

package io.dativo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra}: the infrastructure commands. */
@Command(
    name = "infra",
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

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this),
        "Missing command: try 'dativo infra tags --config JOB.yaml'");
  }
}

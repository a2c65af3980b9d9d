package io.dativo.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra plan}: init, select the workspace, write the variables, plan. */
@Command(
    name = "plan",
    header = "Run terraform init, workspace and plan with the job's variables.",
    mixinStandardHelpOptions = true,
    description = {
      "Run terraform init, workspace select (or new), and plan with the job's generated",
      "variables (dativo.auto.tfvars in the module). Terraform's output is streamed."
    })
final class InfraPlanCommand extends InfraTerraformCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Override
  InfraCommand infra() {
    return infra;
  }

  @Override
  public Integer call() {
    CliContext context = infra.root.context;
    Prepared prepared = prepare(context);
    if (!prepared.runner().plan(prepared.dir(), prepared.varFile())) {
      throw failed(prepared.runner());
    }

    summarize(context, prepared, Optional.empty());
    return ExitCode.OK;
  }
}

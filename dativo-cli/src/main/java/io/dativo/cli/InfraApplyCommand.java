package io.dativo.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra apply}: plan, confirm, apply exactly that plan, print the mapped outputs. */
@Command(
    name = "apply",
    header = "Plan, then apply exactly that plan and print the mapped outputs.",
    mixinStandardHelpOptions = true,
    description = {
      "Plan as 'infra plan' does, then apply exactly that plan and print the job's mapped",
      "outputs. Asks for confirmation on a terminal; elsewhere needs --auto-approve."
    })
final class InfraApplyCommand extends InfraTerraformCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Option(names = "--auto-approve", description = "Apply without asking.")
  boolean autoApprove;

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

    if (!autoApprove && !context.confirm("Apply this plan? Only 'yes' will be accepted: ")) {
      context
          .err()
          .println(
              context.terminal()
                  ? "Not applied."
                  : "Not applied: no terminal to confirm on. Re-run with --auto-approve to apply the plan above.");
      summarize(context, prepared, Optional.empty());
      return ExitCode.INVALID_CONFIG;
    }

    if (!prepared.runner().applyPlan(prepared.dir())) {
      throw failed(prepared.runner());
    }

    summarize(
        context,
        prepared,
        Optional.of(prepared.runner().outputs(prepared.dir(), prepared.workspace())));
    prepared.runner().steps().stream()
        .filter(s -> s.name().equals("apply"))
        .findFirst()
        .ifPresent(
            step ->
                Metrics.publish(
                    context,
                    prepared.loading().loaded().job(),
                    java.util.List.of(
                        Metrics.metric(
                            io.dativo.core.observability.MetricNames.TERRAFORM_APPLY_DURATION,
                            step.duration().toMillis() / 1000.0,
                            io.dativo.core.observability.Metric.Unit.SECONDS,
                            prepared.loading().loaded().job()))));
    return ExitCode.OK;
  }
}

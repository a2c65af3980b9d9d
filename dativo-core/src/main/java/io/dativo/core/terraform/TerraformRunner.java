package io.dativo.core.terraform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs Terraform for a job: {@code init}, {@code workspace select -or-create}, {@code plan} with
 * the generated variables saved to a plan file, {@code apply} of exactly that plan, and {@code
 * output -json}. Each step's output is streamed as it comes and its duration recorded; the first
 * failing step stops the run.
 */
public final class TerraformRunner {
  public static final String PLAN_FILE = ".dativo.tfplan";

  private final TerraformCli cli;
  private final Consumer<String> out;
  private final Consumer<String> err;
  private final List<Step> steps = new ArrayList<>();

  public TerraformRunner(TerraformCli cli, Consumer<String> out, Consumer<String> err) {
    this.cli = cli;
    this.out = out;
    this.err = err;
  }

  /** One Terraform command: its name, exit code and duration. */
  public record Step(String name, List<String> command, int exitCode, Duration duration) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** init and workspace selection; false when a step failed. */
  public boolean prepare(Path dir, String workspace) {
    return step("init", dir, List.of("init", "-input=false", "-no-color"))
        && step(
            "workspace",
            dir,
            List.of("workspace", "select", "-or-create=true", "-no-color", workspace));
  }

  /** plan with the variables file, saved to {@link #PLAN_FILE} in {@code dir}. */
  public boolean plan(Path dir, Path varFile) {
    return step(
        "plan",
        dir,
        List.of("plan", "-input=false", "-no-color", "-var-file=" + varFile, "-out=" + PLAN_FILE));
  }

  /** apply exactly the saved plan. */
  public boolean applyPlan(Path dir) {
    return step("apply", dir, List.of("apply", "-input=false", "-no-color", PLAN_FILE));
  }

  /** The outputs of the workspace after apply. */
  public TerraformOutputs outputs(Path dir, String workspace) {
    TerraformCli.Result result =
        cli.capture(dir, List.of("output", "-json", "-no-color"), Map.of());
    steps.add(new Step("output", result.command(), result.exitCode(), result.duration()));
    if (!result.succeeded()) {
      throw TerraformException.external(
          "terraform output failed (exit " + result.exitCode() + "): " + result.stderr().strip(),
          null,
          null);
    }

    return StateParser.parseOutputJson(
        new ByteArrayInputStream(result.stdout().getBytes(StandardCharsets.UTF_8)),
        "terraform output -json in " + dir,
        workspace);
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The step that failed, if one did. */
  public java.util.Optional<Step> failed() {
    return steps.stream().filter(s -> !s.succeeded()).findFirst();
  }

  private boolean step(String name, Path dir, List<String> args) {
    out.accept("$ terraform " + String.join(" ", args));
    // The runner selects the workspace itself; an inherited TF_WORKSPACE would override it.
    TerraformCli.Result result =
        cli.stream(dir, args, java.util.Collections.singletonMap("TF_WORKSPACE", null), out, err);
    steps.add(new Step(name, result.command(), result.exitCode(), result.duration()));
    return result.succeeded();
  }
}

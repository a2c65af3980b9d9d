package io.dativo.core.terraform;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobTreeTransform;
import io.dativo.core.config.Problems;
import io.dativo.core.config.infra.OutputMapping;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.config.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a job's mapped Terraform outputs into its tree. Commands that need the values ({@code
 * run}, {@code infra apply-tags}, {@code infra validate}) require them; commands that come before
 * provisioning ({@code check}, {@code infra tags}, {@code infra tfvars}, {@code infra plan}) warn
 * when they are not there yet and go on with the job's own values.
 */
public final class TerraformOutputsTransform implements JobTreeTransform {

  /** Whether missing outputs are errors or warnings. */
  public enum Requirement {
    REQUIRED,
    OPTIONAL
  }

  private final OutputResolver resolver;
  private final Optional<Path> explicitState;
  private final Requirement requirement;
  private StateLookup lookup;
  private List<OutputOverlay.Applied> applied = List.of();

  public TerraformOutputsTransform(
      OutputResolver resolver, Optional<Path> explicitState, Requirement requirement) {
    this.resolver = resolver;
    this.explicitState = explicitState;
    this.requirement = requirement;
  }

  @Override
  public YamlNode transform(YamlNode tree, JobConfig job, Problems problems) {
    Optional<TerraformSpec> spec =
        job.infrastructure().flatMap(i -> i.terraform()).filter(t -> !t.outputs().isEmpty());
    if (spec.isEmpty()) {
      return tree;
    }

    List<OutputMapping> mappings = spec.get().outputs();
    lookup = resolver.resolve(spec.get(), explicitState);
    Problems found = new Problems();
    if (lookup.outputs().isEmpty()) {
      report(
          problems,
          mappings.get(0),
          mappings.size()
              + " mapped Terraform output(s) unresolved: no state found for workspace "
              + lookup.workspace()
              + " (looked in: "
              + String.join("; ", lookup.tried())
              + ")",
          "run 'dativo infra apply' (or terraform apply) first, or pass --state FILE");
      return tree;
    }

    OutputOverlay.Result result =
        OutputOverlay.apply(tree, mappings, lookup.outputs().get(), found);
    found.errors().forEach(p -> report(problems, p));
    problems.addWarnings(found.warnings());
    applied = result.applied();
    return requirement == Requirement.REQUIRED && found.hasErrors() ? tree : result.tree();
  }

  /** What was written into the job (empty before {@link #transform} ran). */
  public List<OutputOverlay.Applied> applied() {
    return applied;
  }

  public Optional<StateLookup> lookup() {
    return Optional.ofNullable(lookup);
  }

  private void report(Problems problems, OutputMapping at, String message, String hint) {
    if (requirement == Requirement.REQUIRED) {
      problems.error(at.location(), "infrastructure.terraform.outputs", message, hint);
    } else {
      problems.warn(at.location(), "infrastructure.terraform.outputs", message, hint);
    }
  }

  private void report(Problems problems, io.dativo.core.config.ConfigProblem problem) {
    if (requirement == Requirement.REQUIRED) {
      problems.addAll(List.of(problem));
    } else {
      problems.warn(
          problem.location(), problem.path(), problem.message(), problem.hint().orElse(null));
    }
  }
}

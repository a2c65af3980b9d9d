package io.dativo.core.api;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.CloudProviderFactory;
import io.dativo.core.cloud.JobResources;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.config.ConfigException;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.infra.OutputMapping;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.rules.IcebergPropertyRules;
import io.dativo.core.terraform.StateParser;
import io.dativo.core.terraform.TerraformOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The library API of seed 002's "Python API", for JVM users: a job's infrastructure tags, its
 * Terraform outputs resolved against a state, and infrastructure validation.
 *
 * <pre>{@code
 * LoadedJob job = DativoInfrastructure.loadJob(Path.of("jobs/acme/stripe_customers.yaml"), System.getenv());
 * Map<String, String> tags = DativoInfrastructure.infrastructureTags(job);   // {"infrastructure.cost_center": "DATA-001", ...}
 * TerraformOutputs state = DativoInfrastructure.loadTerraformState(Path.of("terraform.tfstate"));
 * Map<String, Object> resolved = DativoInfrastructure.resolveTerraformOutputs(job.job(), state);
 * DativoInfrastructure.validateInfrastructure(job, System.getenv());        // throws when invalid
 * }</pre>
 */
public final class DativoInfrastructure {
  private DativoInfrastructure() {}

  /**
   * Loads and validates a job (and its asset, when it names one); throws {@link ConfigException}.
   */
  public static LoadedJob loadJob(Path jobFile, Map<String, String> env) {
    return new JobLoader(env).load(jobFile, JobLoader.AssetRequirement.OPTIONAL);
  }

  /**
   * The {@code infrastructure.*} properties of the job's tag set (seed 002's {@code
   * get_infrastructure_tags}).
   */
  public static Map<String, String> infrastructureTags(LoadedJob job) {
    TagInputs inputs = TagInputs.of(job.job(), job.asset(), Instant.now());
    Map<String, String> tags = new LinkedHashMap<>();
    IcebergPropertyRules.render(inputs, TagDeriver.derive(inputs))
        .values()
        .forEach(
            (k, v) -> {
              if (k.startsWith("infrastructure.")) {
                tags.put(k, v);
              }
            });
    return tags;
  }

  /** A state file's outputs (format version 4), read with the streaming parser. */
  public static TerraformOutputs loadTerraformState(Path stateFile) {
    try (InputStream in = Files.newInputStream(stateFile)) {
      return StateParser.parseState(in, stateFile.toString(), "default");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The job's output mapping resolved against {@code state}: dotted job path to value (seed 002's
   * {@code resolve_terraform_outputs}). Sensitive values are returned as {@code Secret}s; outputs
   * missing from the state are left out.
   */
  public static Map<String, Object> resolveTerraformOutputs(JobConfig job, TerraformOutputs state) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    List<OutputMapping> mappings =
        job.infrastructure()
            .flatMap(i -> i.terraform())
            .map(TerraformSpec::outputs)
            .orElse(List.of());
    for (OutputMapping mapping : mappings) {
      state
          .output(mapping.output())
          .ifPresent(value -> resolved.put(mapping.targetPath(), value.forConfig()));
    }

    return resolved;
  }

  /**
   * Validates the job's infrastructure (seed 002's {@code validate_infrastructure}): the
   * configuration always, and each resource in the cloud when that cloud's provider is on the
   * classpath. Throws {@link IllegalStateException} listing the resources that are not ok.
   */
  public static List<ValidationResult> validateInfrastructure(
      LoadedJob job, Map<String, String> env) {
    JobConfig config = job.job();
    var infrastructure = config.infrastructure();
    if (infrastructure.isEmpty() || infrastructure.get().cloud().isEmpty()) {
      return List.of();
    }

    String cloud = infrastructure.get().cloud().get().id();
    var factory =
        ServiceLoader.load(CloudProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals(cloud))
            .findFirst();
    if (factory.isEmpty()) {
      return List.of();
    }

    try (CloudProvider provider = factory.get().create(infrastructure.get(), env)) {
      List<ValidationResult> results =
          provider.validate(infrastructure.get(), JobResources.of(config), config.tenantId());
      List<String> failed =
          results.stream()
              .filter(r -> !r.isOk())
              .map(
                  r ->
                      r.resource().type()
                          + " "
                          + r.resource().id()
                          + ": "
                          + r.status().id()
                          + " ("
                          + r.reason()
                          + ")")
              .toList();
      if (!failed.isEmpty()) {
        throw new IllegalStateException(
            "Infrastructure is not valid:\n  " + String.join("\n  ", failed));
      }

      return results;
    }
  }
}

package io.dativo.core.terraform;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.ConfigProblem;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.Secret;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.RuntimeSpec;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.config.yaml.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Terraform variables of a job (seed 000's {@code get_terraform_variables}): identity, region,
 * the provider-rendered tags (and labels on GCP), the seed 000 runtime values, and the job's own
 * {@code terraform.variables} and {@code metadata.variables}. Pure.
 */
public final class TerraformVariables {
  /** Variables Dativo computes; the job's own variables may restate them but not change them. */
  static final Set<String> COMPUTED =
      Set.of("tenant_id", "environment", "region", "project_id", "tags", "labels");

  private TerraformVariables() {}

  /**
   * @param tags the tag set as the provider will hold it ({@code infra tags --for <cloud>})
   */
  public static Map<String, Object> of(JobConfig job, Cloud cloud, Map<String, String> tags) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("tenant_id", job.tenantId());
    variables.put("environment", job.environment());
    Optional<Infrastructure> infra = job.infrastructure();
    infra.flatMap(Infrastructure::region).ifPresent(r -> variables.put("region", r));
    if (cloud == Cloud.GCP) {
      infra.flatMap(Infrastructure::projectId).ifPresent(p -> variables.put("project_id", p));
    }

    variables.put("tags", new LinkedHashMap<>(tags));
    if (cloud == Cloud.GCP) {
      variables.put("labels", new LinkedHashMap<>(tags));
    }

    infra.flatMap(Infrastructure::runtime).ifPresent(runtime -> runtime(runtime, variables));
    List<ConfigProblem> problems = new ArrayList<>();
    infra.ifPresent(i -> userVariables(job, i, variables, problems));
    if (!problems.isEmpty()) {
      throw new ConfigException(job.file(), problems);
    }

    return variables;
  }

  private static void runtime(RuntimeSpec runtime, Map<String, Object> variables) {
    runtime.platform().ifPresent(p -> variables.put("platform", p));
    runtime
        .compute()
        .ifPresent(
            compute -> {
              compute.clusterId().ifPresent(c -> variables.put("cluster_id", c));
              compute.instanceType().ifPresent(t -> variables.put("instance_type", t));
              compute.instanceCount().ifPresent(c -> variables.put("instance_count", c));
              compute
                  .autoScaling()
                  .ifPresent(
                      scaling -> {
                        variables.put("auto_scaling_enabled", scaling.enabled());
                        scaling.minInstances().ifPresent(m -> variables.put("min_instances", m));
                        scaling.maxInstances().ifPresent(m -> variables.put("max_instances", m));
                      });
            });
    runtime
        .storage()
        .flatMap(RuntimeSpec.Storage::bucket)
        .ifPresent(b -> variables.put("bucket_name", b));
    runtime
        .network()
        .ifPresent(
            network -> {
              network.vpcId().ifPresent(v -> variables.put("vpc_id", v));
              if (!network.subnetIds().isEmpty()) {
                variables.put("subnet_ids", network.subnetIds());
              }

              if (!network.securityGroupIds().isEmpty()) {
                variables.put("security_group_ids", network.securityGroupIds());
              }
            });
    runtime.serviceAccount().ifPresent(s -> variables.put("service_account", s));
  }

  /** {@code metadata.variables}, then {@code terraform.variables} (which wins). */
  private static void userVariables(
      JobConfig job,
      Infrastructure infra,
      Map<String, Object> variables,
      List<ConfigProblem> problems) {
    Map<String, Object> user = new LinkedHashMap<>(infra.metadata().variables());
    infra.terraform().map(TerraformSpec::variables).ifPresent(user::putAll);
    user.forEach(
        (name, value) -> {
          Location at = job.locationOf("infrastructure");
          if (Secret.containsSecret(value)) {
            problems.add(
                ConfigProblem.withHint(
                    at,
                    "infrastructure.terraform.variables." + name,
                    "a sensitive value cannot be written to a tfvars file",
                    "pass it to Terraform with TF_VAR_" + name));
            return;
          }

          if (name.equals("tags") || name.equals("labels")) {
            problems.add(
                ConfigProblem.withHint(
                    at,
                    "infrastructure.terraform.variables." + name,
                    "'" + name + "' is Dativo's tag set and cannot be set by hand",
                    "set tags in infrastructure.tags, finops or the asset"));
            return;
          }

          Object computed = variables.get(name);
          if (COMPUTED.contains(name)
              && computed != null
              && !String.valueOf(computed).equals(String.valueOf(value))) {
            problems.add(
                ConfigProblem.withHint(
                    at,
                    "infrastructure.terraform.variables." + name,
                    "'" + value + "' contradicts the job's " + name + " '" + computed + "'",
                    "remove it: Dativo sets " + name + " from the job"));
            return;
          }

          variables.put(name, value);
        });
  }
}

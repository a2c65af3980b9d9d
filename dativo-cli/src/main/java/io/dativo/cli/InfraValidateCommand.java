package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.JobResources;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dativo infra validate}: the job's resources exist and are usable with these credentials.
 */
@Command(
    name = "validate",
    header = "Check that the job's cloud resources exist and are reachable.",
    mixinStandardHelpOptions = true,
    description = {
      "Check that each resource of the job exists and is reachable with the caller's credentials,",
      "in the configured region and account, and belongs to the job's tenant.",
      "--offline checks the configuration only (no credentials needed)."
    })
final class InfraValidateCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Mixin JobOptions job;

  @Option(names = "--offline", description = "Static checks only: no cloud API calls.")
  boolean offline;

  @Override
  public Integer call() throws Exception {
    CliContext context = infra.root.context;
    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.OPTIONAL,
                offline
                    ? TerraformOutputsTransform.Requirement.OPTIONAL
                    : TerraformOutputsTransform.Requirement.REQUIRED)
            .loaded();
    List<ResourceRef> resources = JobResources.of(loaded.job());
    List<ValidationResult> results;
    long start = System.nanoTime();
    if (offline) {
      results =
          resources.stream()
              .map(
                  r ->
                      new ValidationResult(
                          r,
                          ValidationResult.Status.OK,
                          "configuration valid (offline: not checked in the cloud)"))
              .toList();
    } else {
      try (CloudProvider provider = CloudProviders.open(context, loaded)) {
        results =
            provider.validate(
                loaded.job().infrastructure().orElseThrow(), resources, loaded.job().tenantId());
      }
    }

    print(context, results);
    if (!offline) {
      Metrics.publish(
          context,
          loaded.job(),
          List.of(
              Metrics.metric(
                  io.dativo.core.observability.MetricNames.VALIDATION_DURATION,
                  (System.nanoTime() - start) / 1e9,
                  io.dativo.core.observability.Metric.Unit.SECONDS,
                  loaded.job())));
    }
    return results.stream().allMatch(ValidationResult::isOk)
        ? ExitCode.OK
        : ExitCode.VALIDATION_FAILED;
  }

  private void print(CliContext context, List<ValidationResult> results) throws Exception {
    Map<String, Integer> summary = new TreeMap<>();
    for (ValidationResult.Status status : ValidationResult.Status.values()) {
      summary.put(status.id(), 0);
    }

    results.forEach(r -> summary.merge(r.status().id(), 1, Integer::sum));
    if (infra.root.format == OutputFormat.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      var array = root.putArray("resources");
      for (ValidationResult result : results) {
        ObjectNode node = array.addObject();
        node.put("resource_type", result.resource().type());
        node.put("resource_id", result.resource().id());
        node.put("status", result.status().id());
        node.put("reason", result.reason());
      }

      root.set("summary", mapper.valueToTree(summary));
      context.out().println(mapper.writeValueAsString(root));
      return;
    }

    int width = results.stream().mapToInt(r -> r.resource().id().length()).max().orElse(10);
    for (ValidationResult result : results) {
      context
          .out()
          .println(
              String.format(
                  "%-9s %-15s %-" + width + "s  %s",
                  result.status().id(),
                  result.resource().type(),
                  result.resource().id(),
                  result.reason()));
    }

    context
        .out()
        .println(
            summary.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .reduce((a, b) -> a + ", " + b)
                .orElse(""));
  }
}

package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.JobResources;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra apply-tags}: tag the job's resources, merging with tags others set. */
@Command(
    name = "apply-tags",
    header = "Tag the job's cloud resources, merging with tags others set.",
    mixinStandardHelpOptions = true,
    description = {
      "Read each resource's tags, plan the change against the job's rendered tags (add and",
      "change only; a key Dativo does not manage is never removed), and write only what changes.",
      "LastModified is refreshed only where other tags change, so a second run writes nothing."
    })
final class InfraApplyTagsCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Mixin JobOptions job;

  @Option(
      names = "--dry-run",
      description = "Plan only: read the current tags and show the change.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    CliContext context = infra.root.context;
    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.OPTIONAL,
                TerraformOutputsTransform.Requirement.REQUIRED)
            .loaded();
    JobTags tags = JobTags.of(context, loaded, job);
    if (tags.policy().fails()) {
      throw new PolicyViolation("Cannot apply tags", tags.policy());
    }

    List<ResourceTagPlan> results;
    long apiCalls = -1;
    try (CloudProvider provider = CloudProviders.open(context, loaded)) {
      Map<String, String> rendered =
          TagRenderers.render(provider.id(), tags.inputs(), tags.tags(), loaded.job().tagOverflow())
              .values();
      List<ResourceTagPlan> plan = provider.plan(JobResources.of(loaded.job()), rendered);
      results = dryRun ? plan : provider.apply(plan);
      if (provider instanceof io.dativo.core.cloud.CountsApiCalls counted) {
        apiCalls = counted.apiCalls();
      }
    }

    print(context, results, apiCalls);
    EventLog log = infra.root.log();
    if (log.isJson()) {
      for (ResourceTagPlan result : results) {
        log.event(
            result.action() == ResourceTagPlan.Action.FAILED ? "ERROR" : "INFO",
            result.action() == ResourceTagPlan.Action.FAILED
                ? "tags_failed"
                : dryRun
                    ? "tags_planned"
                    : result.action() == ResourceTagPlan.Action.UPDATE
                        ? "tags_applied"
                        : "tags_unchanged",
            result.resource().type() + " " + result.resource().id() + ": " + result.action().id(),
            Map.of(
                "tenant", loaded.job().tenantId(),
                "job", loaded.job().file().getFileName().toString(),
                "resource_id", result.resource().id(),
                "added", result.added().keySet(),
                "changed", result.changed().keySet()));
      }
    }
    if (!dryRun) {
      long tagsApplied =
          results.stream()
              .filter(r -> r.action() == ResourceTagPlan.Action.UPDATE)
              .mapToLong(r -> r.writes().size())
              .sum();
      Metrics.publish(
          context,
          loaded.job(),
          List.of(
              Metrics.metric(
                  io.dativo.core.observability.MetricNames.TAGS_APPLIED,
                  tagsApplied,
                  io.dativo.core.observability.Metric.Unit.COUNT,
                  loaded.job())));
    }
    long failed = results.stream().filter(r -> r.action() == ResourceTagPlan.Action.FAILED).count();
    if (failed == 0) {
      return ExitCode.OK;
    }

    return failed == results.size() ? ExitCode.EXTERNAL_FAILURE : ExitCode.PARTIAL_FAILURE;
  }

  private void print(CliContext context, List<ResourceTagPlan> results, long apiCalls)
      throws Exception {
    Map<String, Integer> summary = new TreeMap<>(Map.of("unchanged", 0, "update", 0, "failed", 0));
    results.forEach(r -> summary.merge(r.action().id(), 1, Integer::sum));
    if (infra.root.format == OutputFormat.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("dry_run", dryRun);
      var array = root.putArray("resources");
      for (ResourceTagPlan result : results) {
        ObjectNode node = array.addObject();
        node.put("resource_id", result.resource().id());
        node.put("resource_type", result.resource().type());
        node.put("action", result.action().id());
        node.set("added", mapper.valueToTree(result.added()));
        node.set("changed", mapper.valueToTree(result.changed()));
        // A resource that cannot carry tags is left unchanged with a note, not an error.
        boolean failed = result.action() == ResourceTagPlan.Action.FAILED;
        result
            .error()
            .filter(e -> failed)
            .ifPresentOrElse(e -> node.put("error", e), () -> node.putNull("error"));
        result.error().filter(e -> !failed).ifPresent(n -> node.put("note", n));
      }

      ObjectNode summaryNode = mapper.valueToTree(summary);
      if (apiCalls >= 0) {
        summaryNode.put("api_calls", apiCalls);
      }

      root.set("summary", summaryNode);
      context.out().println(mapper.writeValueAsString(root));
      return;
    }

    for (ResourceTagPlan result : results) {
      context
          .out()
          .println(
              String.format(
                  "%-9s %-15s %s",
                  result.action().id(), result.resource().type(), result.resource().id()));
      result.added().forEach((k, v) -> context.out().println("    + " + k + " = " + v));
      result
          .changed()
          .forEach(
              (k, v) -> context.out().println("    ~ " + k + ": " + v.get(0) + " -> " + v.get(1)));
      result
          .error()
          .ifPresent(
              e ->
                  context
                      .out()
                      .println(
                          (result.action() == ResourceTagPlan.Action.FAILED ? "    ! " : "    - ")
                              + e));
    }

    context
        .out()
        .println(
            (dryRun ? "plan: " : "")
                + summary.get("update")
                + " to update, "
                + summary.get("unchanged")
                + " unchanged, "
                + summary.get("failed")
                + " failed");
  }
}

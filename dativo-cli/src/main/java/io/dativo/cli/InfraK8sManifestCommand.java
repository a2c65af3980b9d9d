package io.dativo.cli;

import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.rules.Rendering;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dativo infra k8s-manifest}: the job's tags for its Kubernetes namespace, as a Namespace
 * (labels and annotations) and a ConfigMap with the full tag set, for {@code kubectl apply}.
 */
@Command(
    name = "k8s-manifest",
    header = "Print a Namespace and a ConfigMap carrying the job's tags.",
    mixinStandardHelpOptions = true,
    description = {
      "Print a Namespace patch (dativo.io/ labels and annotations) and a ConfigMap holding the",
      "job's tag set, for 'kubectl apply -f -' (apply merges labels: others' labels stay)."
    })
final class InfraK8sManifestCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Mixin JobOptions job;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      description = "The namespace (default: <tenant>-<environment>).")
  String namespace;

  @Override
  public Integer call() {
    CliContext context = infra.root.context;
    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.OPTIONAL,
                TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    JobTags tags = JobTags.of(context, loaded, job);
    Rendering labels =
        TagRenderers.render("k8s", tags.inputs(), tags.tags(), loaded.job().tagOverflow());
    Rendering annotations =
        TagRenderers.render(
            "k8s-annotations", tags.inputs(), tags.tags(), loaded.job().tagOverflow());
    String name =
        namespace != null
            ? namespace
            : (loaded.job().tenantId() + "-" + loaded.job().environment()).replace('_', '-');
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ").append(name).append('\n');
    block(yaml, "labels", labels.values());
    block(yaml, "annotations", annotations.values());
    yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dativo-tags-")
        .append(loaded.job().asset().replace('_', '-'))
        .append('\n');
    yaml.append("  namespace: ").append(name).append('\n');
    block(yaml, "labels", Map.of("app.kubernetes.io/managed-by", "dativo"));
    yaml.append("data:\n");
    tags.tags()
        .values()
        .forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(quote(v)).append('\n'));
    context.out().print(yaml);
    return ExitCode.OK;
  }

  /** A JSON string is a valid YAML double-quoted scalar: every character survives. */
  private static String quote(String value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void block(StringBuilder yaml, String name, Map<String, String> values) {
    yaml.append("  ").append(name).append(":\n");
    values.forEach(
        (k, v) -> yaml.append("    ").append(k).append(": ").append(quote(v)).append('\n'));
  }
}

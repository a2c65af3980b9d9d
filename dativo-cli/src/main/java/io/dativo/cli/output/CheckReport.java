package io.dativo.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.policy.PolicyReport;
import io.dativo.core.policy.PolicyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The result of {@code dativo check} on a valid job. */
public record CheckReport(Path workingDir, LoadedJob loaded, PolicyReport policy) {

  public static CheckReport of(Path workingDir, LoadedJob loaded, PolicyReport policy) {
    return new CheckReport(workingDir, loaded, policy);
  }

  /** Policy violations for stderr: warnings, or errors when the policy is enforced. */
  public String policyText(boolean color) {
    return policyText(policy, color);
  }

  public static String policyText(PolicyReport policy, boolean color) {
    Style style = new Style(color);
    StringBuilder text = new StringBuilder();
    for (PolicyResult violation : policy.violations()) {
      text.append(policy.enforced() ? style.red("policy error:") : style.yellow("policy warning:"))
          .append(' ')
          .append(violation.rule())
          .append(": ")
          .append(violation.message());
      violation.fix().ifPresent(f -> text.append(" (").append(f).append(')'));
      text.append(" [").append(policy.source()).append("]\n");
    }

    return text.toString();
  }

  public String toText(boolean color) {
    Style style = new Style(color);
    JobConfig job = loaded.job();
    StringBuilder text =
        new StringBuilder(style.green("valid:"))
            .append(' ')
            .append(Paths.show(workingDir, job.file()))
            .append('\n');
    row(
        text,
        "job",
        job.tenantId()
            + " / "
            + job.environment()
            + ": "
            + job.sourceConnector()
            + " -> "
            + job.targetConnector());
    loaded.asset().ifPresent(a -> row(text, "asset", describe(a)));
    job.infrastructure().ifPresent(i -> row(text, "infra", describe(i)));
    loaded
        .warnings()
        .forEach(
            w ->
                text.append(style.yellow("warning:"))
                    .append(' ')
                    .append(ProblemText.render(workingDir, w, style))
                    .append('\n'));
    return text.toString();
  }

  private static void row(StringBuilder text, String label, String value) {
    text.append("  ").append(String.format("%-6s", label)).append(' ').append(value).append('\n');
  }

  private String describe(AssetDefinition asset) {
    String form =
        asset.format() == AssetDefinition.Format.ODCS
            ? "ODCS " + asset.apiVersion().orElse("")
            : "legacy asset";
    return asset.name()
        + asset.version().map(v -> " v" + v).orElse("")
        + " ("
        + form
        + ", "
        + asset.columns().size()
        + " columns) from "
        + Paths.show(workingDir, asset.file());
  }

  private static String describe(Infrastructure infra) {
    List<String> parts = new ArrayList<>();
    parts.add(
        infra.cloud().map(Cloud::id).orElse("cloud not named")
            + infra.region().map(r -> " " + r).orElse("")
            + " ("
            + infra.cloudOrigin().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ")");
    infra
        .iacTool()
        .ifPresent(
            t -> parts.add("via " + t + infra.workspace().map(w -> " workspace " + w).orElse("")));
    infra.platform().ifPresent(p -> parts.add("platform " + p));
    if (!infra.resources().isEmpty()) {
      parts.add(
          infra.resources().size() + (infra.resources().size() == 1 ? " resource" : " resources"));
    }

    int outputs = infra.terraform().map(TerraformSpec::outputs).map(List::size).orElse(0);
    if (outputs > 0) {
      parts.add(outputs + (outputs == 1 ? " output mapping" : " output mappings"));
    }

    return String.join(", ", parts);
  }

  public String toJson() {
    JobConfig job = loaded.job();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("valid", true);
    root.put("file", Paths.show(workingDir, job.file()));
    root.put("tenant_id", job.tenantId());
    root.put("environment", job.environment());
    root.put("source_connector", job.sourceConnector());
    root.put("target_connector", job.targetConnector());
    root.put("asset", job.asset());
    loaded
        .asset()
        .ifPresent(
            a -> {
              ObjectNode asset = root.putObject("asset_definition");
              asset.put("file", Paths.show(workingDir, a.file()));
              asset.put("format", a.format().name().toLowerCase(java.util.Locale.ROOT));
              asset.put("name", a.name());
              a.version().ifPresent(v -> asset.put("version", v));
              asset.put("columns", a.columns().size());
            });
    job.infrastructure()
        .ifPresent(
            i -> {
              ObjectNode infra = root.putObject("infrastructure");
              i.cloud()
                  .ifPresentOrElse(c -> infra.put("cloud", c.id()), () -> infra.putNull("cloud"));
              infra.put("cloud_origin", i.cloudOrigin().name().toLowerCase(java.util.Locale.ROOT));
              i.iacTool().ifPresent(t -> infra.put("iac_tool", t));
              i.region().ifPresent(r -> infra.put("region", r));
              i.platform().ifPresent(p -> infra.put("platform", p));
              i.workspace().ifPresent(w -> infra.put("workspace", w));
              infra.put("resources", i.resources().size());
              var shapes = infra.putArray("shapes");
              i.shapes().stream()
                  .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                  .sorted()
                  .forEach(shapes::add);
            });
    ObjectNode policyNode = root.putObject("policy");
    policyNode.put("source", policy.source());
    policyNode.put("enforced", policy.enforced());
    policyNode.put("passed", !policy.hasViolations());
    var results = policyNode.putArray("results");
    for (PolicyResult result : policy.results()) {
      ObjectNode node = results.addObject();
      node.put("rule", result.rule());
      node.put("passed", result.passed());
      node.put("message", result.message());
      result.fix().ifPresentOrElse(f -> node.put("fix", f), () -> node.putNull("fix"));
    }

    Json.addProblems(root, "warnings", workingDir, loaded.warnings());
    return Json.write(root);
  }
}

package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.config.JobLoader;
import io.dativo.core.terraform.OutputOverlay;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo infra outputs}: the mapped Terraform outputs, as the job will see them. */
@Command(
    name = "outputs",
    mixinStandardHelpOptions = true,
    description = {
      "Print the job's mapped Terraform outputs as {dot.path: value}.",
      "Sensitive outputs are shown as (sensitive), never their value."
    })
final class InfraOutputsCommand implements Callable<Integer> {
  @ParentCommand InfraCommand infra;

  @Mixin JobOptions job;

  @Option(
      names = "--export",
      paramLabel = "FILE",
      description = "Also write the JSON object to FILE.")
  Path export;

  @Override
  public Integer call() {
    CliContext context = infra.root.context;
    JobLoading loading =
        JobLoading.load(
            context,
            job,
            JobLoader.AssetRequirement.OPTIONAL,
            TerraformOutputsTransform.Requirement.REQUIRED);
    List<OutputOverlay.Applied> applied = loading.outputs().applied();
    String json = json(applied);
    if (export != null) {
      write(context.resolve(export), json);
    }

    if (infra.root.format == OutputFormat.json) {
      context.out().println(json);
    } else {
      int width = applied.stream().mapToInt(a -> a.path().length()).max().orElse(0);
      applied.forEach(
          a ->
              context
                  .out()
                  .println(
                      String.format(
                          "%-" + width + "s = %s  (output %s)",
                          a.path(),
                          a.value().display(),
                          a.output())));
      loading
          .outputs()
          .lookup()
          .flatMap(l -> l.outputs())
          .ifPresent(o -> context.out().println("from " + o.location()));
      if (applied.isEmpty()) {
        context
            .out()
            .println("The job maps no Terraform outputs (infrastructure.terraform.outputs).");
      }
    }

    return ExitCode.OK;
  }

  static String json(List<OutputOverlay.Applied> applied) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    for (OutputOverlay.Applied output : applied) {
      root.set(
          output.path(),
          output.value().sensitive()
              ? mapper.valueToTree("(sensitive)")
              : mapper.valueToTree(output.value().value()));
    }

    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String json) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }

      Files.writeString(file, json + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.dativo.cli;

import io.dativo.cli.dagster.DefinitionsWriter;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.tags.TagKeys;
import io.dativo.core.tags.TagSet;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dativo dagster generate}: a Dagster code location with one asset per job. */
@Command(
    name = "dagster",
    mixinStandardHelpOptions = true,
    description = "Dagster integration.",
    subcommands = {DagsterCommand.Generate.class})
final class DagsterCommand implements Runnable {
  @ParentCommand DativoCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "Missing command: try 'dativo dagster generate --jobs DIR --out definitions.py'");
  }

  /** Writes definitions.py. */
  @Command(
      name = "generate",
      header = "Write a Dagster code location with one asset per job.",
      mixinStandardHelpOptions = true,
      description = {
        "Write a Dagster code location (definitions.py) with one asset per job under DIR:",
        "key [tenant, asset], owners from the Owner tag, tags from the FinOps tags, kinds iceberg",
        "and the cloud; each asset launches 'dativo run' through Dagster Pipes."
      })
  static final class Generate implements Callable<Integer> {
    @ParentCommand DagsterCommand dagster;

    @Option(
        names = "--jobs",
        required = true,
        paramLabel = "DIR",
        description = "A directory of job files (searched recursively).")
    Path jobs;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Where to write the Python file.")
    Path out;

    @Option(
        names = "--dativo",
        paramLabel = "COMMAND",
        defaultValue = "dativo",
        description = "How the assets run Dativo (default: dativo on the PATH).")
    String command;

    @Override
    public Integer call() {
      CliContext context = dagster.root.context;
      List<DefinitionsWriter.JobAsset> assets = new ArrayList<>();
      for (Path file : files(context.resolve(jobs))) {
        JobOptions options = new JobOptions();
        options.config = file;
        LoadedJob loaded =
            JobLoading.load(
                    context,
                    options,
                    JobLoader.AssetRequirement.OPTIONAL,
                    TerraformOutputsTransform.Requirement.OPTIONAL)
                .loaded();
        TagSet tags = JobTags.of(context, loaded, options).tags();
        Map<String, String> dagsterTags = new LinkedHashMap<>();
        for (String key :
            List.of(
                TagKeys.COST_CENTER,
                TagKeys.PROJECT,
                TagKeys.BUSINESS_UNIT,
                TagKeys.ENVIRONMENT,
                TagKeys.TENANT_ID)) {
          tags.value(key).ifPresent(v -> dagsterTags.put(key, v));
        }

        List<String> kinds = new ArrayList<>(List.of("iceberg"));
        loaded.job().infrastructure().flatMap(i -> i.cloud()).ifPresent(c -> kinds.add(c.id()));
        assets.add(
            new DefinitionsWriter.JobAsset(
                loaded.job().tenantId(),
                loaded.job().asset(),
                file.toAbsolutePath().toString(),
                tags.value(TagKeys.OWNER).orElse(null),
                dagsterTags,
                kinds,
                loaded.job().sourceConnector()
                    + " -> "
                    + loaded.job().targetConnector()
                    + " ("
                    + file.getFileName()
                    + ")"));
      }

      Path target = context.resolve(out);
      try {
        Files.writeString(target, DefinitionsWriter.write(assets, command));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }

      context.err().println("wrote " + assets.size() + " assets to " + target);
      return ExitCode.OK;
    }

    private static List<Path> files(Path dir) {
      try (Stream<Path> walk = Files.walk(dir)) {
        return walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

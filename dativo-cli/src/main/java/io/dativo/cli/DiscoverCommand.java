package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.terraform.TerraformOutputsTransform;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.source.Source;
import io.dativo.ingest.source.SourceCatalog;
import io.dativo.ingest.source.Sources;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code dativo discover}: the objects and fields a job's source offers, to write the asset. */
@Command(
    name = "discover",
    header = "List the objects and fields a job's source offers, with ODCS logical types.",
    mixinStandardHelpOptions = true,
    description = {
      "List the objects and fields the job's source offers, with ODCS logical types,",
      "so the asset (data contract) can be written from them. Stripe and HubSpot."
    })
final class DiscoverCommand implements Callable<Integer> {
  @ParentCommand DativoCommand root;

  @Mixin JobOptions job;

  @Override
  public Integer call() throws Exception {
    CliContext context = root.context;
    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.OPTIONAL,
                TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    try (Source source = Sources.open(loaded, context.env())) {
      if (!(source instanceof SourceCatalog catalog)) {
        throw new IngestException(
            IngestException.Kind.NOT_AVAILABLE,
            "discover is not available for the "
                + loaded.job().sourceConnector()
                + " source in this version yet",
            "it is available for stripe and hubspot");
      }

      List<SourceCatalog.SourceObject> objects = catalog.discover();
      if (root.format == OutputFormat.json) {
        context
            .out()
            .println(
                new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(java.util.Map.of("objects", objects)));
      } else {
        for (SourceCatalog.SourceObject object : objects) {
          context.out().println(object.name() + ":");
          int width = object.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
          object
              .fields()
              .forEach(
                  f ->
                      context
                          .out()
                          .println(
                              "  "
                                  + f.name()
                                  + " ".repeat(width - f.name().length())
                                  + "  "
                                  + f.logicalType()));
        }
      }

      return ExitCode.OK;
    }
  }
}

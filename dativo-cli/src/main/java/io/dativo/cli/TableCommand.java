package io.dativo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.terraform.TerraformOutputsTransform;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.Pipeline;
import io.dativo.ingest.catalog.CatalogFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code dativo table}: what a job's Iceberg table holds: properties, schema, latest snapshot. */
@Command(
    name = "table",
    header = "Show a job's Iceberg table: schema, properties, current snapshot.",
    mixinStandardHelpOptions = true,
    description = {
      "Show the Iceberg table a job writes: location, schema, properties (the job's tags),",
      "and the current snapshot's summary (rows, files, the run that wrote it)."
    })
final class TableCommand implements Callable<Integer> {
  @ParentCommand DativoCommand root;

  @Mixin JobOptions job;

  @Mixin LocalWarehouseOption local;

  @Override
  public Integer call() throws Exception {
    CliContext context = root.context;
    LoadedJob loaded =
        JobLoading.load(
                context,
                job,
                JobLoader.AssetRequirement.REQUIRED,
                TerraformOutputsTransform.Requirement.OPTIONAL)
            .loaded();
    loaded = local.apply(loaded, context.workingDir());
    TableIdentifier id = Pipeline.tableId(loaded.job(), loaded.asset().orElseThrow());
    Catalog catalog =
        CatalogFactory.open(
            CatalogFactory.spec(loaded.job().target(), context.workingDir()), context.env());
    try {
      if (!catalog.tableExists(id)) {
        throw new IngestException(
            IngestException.Kind.CONFIG,
            "Cannot show " + id + ": the table does not exist yet",
            "run the job first: dativo run --config " + job.config);
      }

      Table table = catalog.loadTable(id);
      // the job's branch (target.branch) is what its runs wrote; main when it has none
      String branch = Pipeline.branch(loaded.job());
      Snapshot snapshot = io.dativo.ingest.sink.CommittedSources.headSnapshot(table, branch);
      if (root.format == OutputFormat.json) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode node = mapper.createObjectNode();
        node.put("table", id.toString());
        node.put("branch", branch);
        node.put("branch_exists", table.refs().containsKey(branch));
        node.set("branches", mapper.valueToTree(new TreeMap<>(branchHeads(table))));
        node.put("location", table.location());
        node.put("schema", table.schema().toString());
        node.set("properties", mapper.valueToTree(new TreeMap<>(table.properties())));
        node.set(
            "snapshot",
            snapshot == null ? null : mapper.valueToTree(new TreeMap<>(snapshot.summary())));
        context.out().println(mapper.writeValueAsString(node));
      } else {
        context.out().println("table     " + id);
        context.out().println("location  " + table.location());
        Map<String, Long> heads = branchHeads(table);
        if (heads.size() > 1 || !heads.containsKey("main")) {
          context.out().println("branches:");
          Map<String, String> shown = new TreeMap<>();
          heads.forEach((name, head) -> shown.put(name, "snapshot " + head));
          print(context, shown);
        }

        context
            .out()
            .println("schema    " + table.schema().toString().replace("\n", "\n          "));
        context.out().println("properties:");
        print(context, table.properties());
        if (snapshot != null) {
          String label =
              branch.equals("main")
                  ? "current snapshot "
                  : table.refs().containsKey(branch)
                      ? "branch " + branch + " snapshot "
                      : "current snapshot (branch " + branch + " does not exist yet) ";
          context.out().println(label + snapshot.snapshotId() + ":");
          print(context, snapshot.summary());
        }
      }

      return ExitCode.OK;
    } finally {
      if (catalog instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** Each branch of the table and the snapshot at its head. */
  private static Map<String, Long> branchHeads(Table table) {
    Map<String, Long> heads = new TreeMap<>();
    table
        .refs()
        .forEach(
            (name, ref) -> {
              if (ref.isBranch()) {
                heads.put(name, ref.snapshotId());
              }
            });
    return heads;
  }

  private static void print(CliContext context, Map<String, String> values) {
    Map<String, String> sorted = new TreeMap<>(values);
    int width = sorted.keySet().stream().mapToInt(String::length).max().orElse(0);
    sorted.forEach(
        (k, v) -> context.out().println("  " + k + " ".repeat(width - k.length()) + "  " + v));
  }
}

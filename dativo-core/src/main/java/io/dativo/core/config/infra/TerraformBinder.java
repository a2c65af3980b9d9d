package io.dativo.core.config.infra;

import static io.dativo.core.config.ConfigKeys.TERRAFORM;

import io.dativo.core.config.PathResolver;
import io.dativo.core.config.Problems;
import io.dativo.core.config.Section;
import io.dativo.core.config.Suggestions;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds {@code infrastructure.terraform} and the output mapping of both seed shapes. */
final class TerraformBinder {
  /** Backends Terraform ships, and the settings each needs before it can be read. */
  static final Map<String, List<String>> BACKENDS =
      Map.ofEntries(
          Map.entry("local", List.of()),
          Map.entry("s3", List.of("bucket", "key")),
          Map.entry("gcs", List.of("bucket")),
          Map.entry("azurerm", List.of("storage_account_name", "container_name", "key")),
          Map.entry("remote", List.of()),
          Map.entry("cloud", List.of()),
          Map.entry("http", List.of("address")),
          Map.entry("pg", List.of()),
          Map.entry("consul", List.of("path")),
          Map.entry("kubernetes", List.of("secret_suffix")),
          Map.entry("cos", List.of("bucket")),
          Map.entry("oss", List.of("bucket")));

  /** Where an output may be written in the job: the roots of the effective config. */
  static final List<String> OUTPUT_ROOTS =
      List.of(
          "source.",
          "target.",
          "infrastructure.metadata.",
          "infrastructure.tags.",
          "infrastructure.provider.",
          "infrastructure.runtime.",
          "finops.");

  private static final Pattern DOT_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)+");
  private static final Pattern TF_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final Path jobFile;
  private final Problems problems;

  TerraformBinder(Path jobFile, Problems problems) {
    this.jobFile = jobFile;
    this.problems = problems;
  }

  TerraformSpec bind(Section terraform, Optional<Section> seed000Outputs) {
    terraform.rejectUnknownKeys(TERRAFORM);
    Optional<Path> modulePath =
        terraform.string("module_path").map(raw -> resolveModule(terraform, raw));
    Optional<BackendSpec> backend = terraform.section("backend").map(this::backend);
    List<OutputMapping> outputs = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    terraform.section("outputs").ifPresent(o -> outputs.addAll(outputs(o, seen)));
    seed000Outputs.ifPresent(o -> outputs.addAll(outputs(o, seen)));
    terraform
        .string("workspace")
        .filter(ws -> !ws.matches("[A-Za-z0-9_-]+"))
        .ifPresent(
            ws ->
                problems.error(
                    terraform.node("workspace").orElseThrow(),
                    "malformed workspace name '" + ws + "'",
                    "Terraform workspace names use letters, digits, '-' and '_'"));
    return new TerraformSpec(
        modulePath,
        terraform.string("module_source"),
        terraform.string("version"),
        terraform.string("workspace"),
        backend,
        terraform.plainMap("variables"),
        outputs);
  }

  private Path resolveModule(Section terraform, String raw) {
    PathResolver.Resolved resolved = PathResolver.resolve(jobFile, raw);
    if (!resolved.exists()) {
      YamlNode node = terraform.node("module_path").orElseThrow();
      problems.warn(
          node.location(),
          node.path(),
          "module directory '"
              + raw
              + "' does not exist (looked in "
              + resolved.tried().get(0)
              + ")",
          "commands that run Terraform need it; paths are relative to the job file");
    }

    return resolved.path();
  }

  private BackendSpec backend(Section backend) {
    Optional<String> type =
        backend.requiredString(
            "type", "one of " + String.join(", ", BACKENDS.keySet().stream().sorted().toList()));
    Map<String, Object> settings = new LinkedHashMap<>();
    backend
        .map()
        .entries()
        .forEach(
            (key, entry) -> {
              if (!key.equals("type")) {
                settings.put(key, entry.value().toPlain());
              }
            });
    if (type.isPresent() && !BACKENDS.containsKey(type.get())) {
      problems.error(
          backend.node("type").orElseThrow(),
          "unknown Terraform backend '" + type.get() + "'",
          Suggestions.hint(type.get(), BACKENDS.keySet().stream().sorted().toList()));
    } else if (type.isPresent()) {
      for (String required : BACKENDS.get(type.get())) {
        if (!settings.containsKey(required)) {
          problems.error(
              backend.map().location(),
              backend.childPath(required),
              "required by the " + type.get() + " backend",
              null);
        }
      }
    }

    return new BackendSpec(type.orElse("local"), settings);
  }

  private List<OutputMapping> outputs(Section outputs, Map<String, String> seen) {
    List<OutputMapping> mappings = new ArrayList<>();
    outputs
        .map()
        .entries()
        .forEach(
            (name, entry) -> {
              if (!TF_IDENTIFIER.matcher(name).matches()) {
                problems.error(
                    entry.keyLocation(),
                    outputs.childPath(name),
                    "malformed Terraform output name '" + name + "'",
                    "output names use letters, digits, '_' and '-', starting with a letter or '_'");
                return;
              }

              if (!(entry.value() instanceof YamlScalar scalar) || scalar.isNull()) {
                problems.error(
                    entry.value(),
                    "expected a dotted job path like target.connection.s3.bucket, found "
                        + entry.value().kind(),
                    null);
                return;
              }

              String path = scalar.value().trim();
              if (!validPath(scalar, path)) {
                return;
              }

              String previous = seen.put(path, name);
              if (previous != null && !previous.equals(name)) {
                problems.error(
                    scalar,
                    "outputs '" + previous + "' and '" + name + "' both write " + path,
                    "map each job path from one output");
                return;
              }

              mappings.add(new OutputMapping(name, path, scalar.location()));
            });
    return mappings;
  }

  private boolean validPath(YamlScalar node, String path) {
    if (!DOT_PATH.matcher(path).matches()) {
      problems.error(
          node,
          "malformed output mapping path '"
              + path
              + "': expected dot-separated keys like"
              + " target.connection.s3.bucket",
          path.contains("[") ? "list indexes are not supported; map to a key" : null);
      return false;
    }

    if (OUTPUT_ROOTS.stream().noneMatch(path::startsWith)) {
      problems.error(
          node,
          "cannot map an output to '" + path + "': outside the parts of a job Terraform may set",
          "start the path with one of: " + String.join(", ", OUTPUT_ROOTS));
      return false;
    }

    return true;
  }
}

package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.PathResolver;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.OutputMapping;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.terraform.TerraformCli;
import io.dativo.core.testing.TerraformTestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference modules under terraform/ have the outputs the seeds and examples name, and declare
 * every variable Dativo's generated tfvars sets for the example jobs that target them.
 */
class TerraformModulesTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern OUTPUT = Pattern.compile("(?m)^output\\s+\"([^\"]+)\"");
  private static final Pattern VARIABLE = Pattern.compile("(?m)^variable\\s+\"([^\"]+)\"");

  @ParameterizedTest(name = "{0} has output {1}")
  @CsvSource({
    "aws/dativo-etl, s3_bucket_name",
    "aws/dativo-etl, iam_role_arn",
    "aws/dativo-etl, glue_database_name",
    "gcp/dativo-etl, gcs_bucket_name",
    "gcp/dativo-etl, service_account_email",
    "gcp/dativo-etl, bigquery_dataset_id",
    "aws/emr-dativo, emr_cluster_id",
    "gcp/gke-dativo, gke_cluster_name",
    "azure/dativo-etl, storage_account_name",
    "azure/dativo-etl, managed_identity_id"
  })
  void seedRequiredOutputsExist(String module, String output) throws IOException {
    assertThat(names(REPO.resolve("terraform").resolve(module), OUTPUT)).contains(output);
  }

  static Stream<Path> exampleJobs() throws IOException {
    try (Stream<Path> files = Files.walk(REPO.resolve("examples/jobs"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleJobs")
  void everyMappedOutputExistsInTheTargetModule(Path job) throws IOException {
    LoadedJob loaded = new JobLoader(Map.of()).load(job, JobLoader.AssetRequirement.OPTIONAL);
    Optional<Path> module = module(loaded);
    List<String> mapped =
        loaded
            .job()
            .infrastructure()
            .flatMap(i -> i.terraform())
            .map(TerraformSpec::outputs)
            .orElse(List.of())
            .stream()
            .map(OutputMapping::output)
            .toList();
    if (module.isEmpty()) {
      assertThat(mapped).as("a job that maps outputs names its module").isEmpty();
      return;
    }

    assertThat(names(module.get(), OUTPUT)).containsAll(mapped);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleJobs")
  void everyGeneratedVariableIsDeclaredByTheTargetModule(Path job) throws IOException {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            REPO,
            false);
    LoadedJob loaded = new JobLoader(Map.of()).load(job, JobLoader.AssetRequirement.OPTIONAL);
    Optional<Path> module = module(loaded);
    Optional<Cloud> cloud = loaded.job().infrastructure().flatMap(i -> i.cloud());
    if (module.isEmpty() || cloud.isEmpty()) {
      return;
    }

    JobOptions options = new JobOptions();
    options.config = job;
    Set<String> generated =
        TerraformFiles.variables(JobTags.of(context, loaded, options), cloud.get(), false).keySet();

    assertThat(names(module.get(), VARIABLE))
        .as("variables declared in %s", module.get())
        .containsAll(generated);
  }

  @Test
  void modulesAreFormattedAsTerraformFmtWants() {
    TerraformCli terraform = TerraformTestSupport.terraform();

    TerraformTestSupport.run(terraform, REPO.resolve("terraform"), "fmt", "-check", "-recursive");
  }

  /** terraform.module_path, or a local terraform.module_source (seed 000). */
  private static Optional<Path> module(LoadedJob loaded) {
    Optional<TerraformSpec> spec = loaded.job().infrastructure().flatMap(i -> i.terraform());
    return spec.flatMap(TerraformSpec::modulePath)
        .or(
            () ->
                spec.flatMap(TerraformSpec::moduleSource)
                    .filter(s -> s.startsWith("."))
                    .map(s -> PathResolver.resolve(loaded.job().file(), s).path()));
  }

  private static Set<String> names(Path module, Pattern pattern) throws IOException {
    assertThat(module).isDirectory();
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(module)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }

    return names;
  }
}

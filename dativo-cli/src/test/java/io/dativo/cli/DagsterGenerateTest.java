package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.testing.MissingTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Dagster code location compiles and has one uniquely keyed asset per job. */
class DagsterGenerateTest {
  @TempDir Path dir;

  @Test
  void generatesACompilingCodeLocationWithUniqueAssetKeys() throws Exception {
    Path out = dir.resolve("definitions.py");

    CliRun run =
        CliRun.of(
            java.util.Map.of("SOURCE_DATE_EPOCH", "1764084600"),
            "dagster",
            "generate",
            "--jobs",
            "../examples/jobs",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String python = Files.readString(out);
    long jobs;
    try (var files = Files.walk(Path.of("../examples/jobs"))) {
      jobs = files.filter(f -> f.toString().endsWith(".yaml")).count();
    }

    Matcher keys = Pattern.compile("key=\\[(.*?)\\]").matcher(python);
    List<String> found = keys.results().map(m -> m.group(1)).toList();
    assertThat(found)
        .hasSize((int) jobs)
        .doesNotHaveDuplicates()
        .contains("\"acme\", \"csv_orders\", \"csv_orders\"", "\"acme\", \"postgres_orders\"");
    assertThat(python)
        .contains("owners=[\"sales-data@acme.com\"]")
        .contains("\"dativo/CostCenter\": \"SALES-042\"")
        .contains("kinds={\"iceberg\", \"aws\"}");
    compile(out);
  }

  private static void compile(Path file) throws IOException, InterruptedException {
    boolean python =
        Files.isExecutable(Path.of("/usr/bin/python3"))
            || System.getenv().getOrDefault("PATH", "").contains("python");
    MissingTool.skipUnless(
        python, "python3 not found: skipping the py_compile check of the generated definitions");
    Process process =
        new ProcessBuilder("python3", "-m", "py_compile", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }
}

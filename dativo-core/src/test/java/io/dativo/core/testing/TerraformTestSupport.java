package io.dativo.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.terraform.TerraformCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the real {@code terraform} binary in tests, offline (modules use built-in resources only).
 * Tests that need it are skipped, naming the tool, where it is not installed.
 */
public final class TerraformTestSupport {
  private TerraformTestSupport() {}

  /** The environment tests run Terraform with: no CLI config, no prompts. */
  public static Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TF_CLI_CONFIG_FILE", "/dev/null");
    env.remove("TF_WORKSPACE");
    return env;
  }

  /** The binary, or the test is skipped with a message naming the missing tool. */
  public static TerraformCli terraform() {
    var cli = TerraformCli.find(env());
    io.dativo.core.testing.MissingTool.skipUnless(
        cli.isPresent(), "terraform not found on PATH: skipping this Terraform integration test");
    return cli.get();
  }

  /** Copies a module from test resources into {@code dir}. */
  public static Path copyModule(Path source, Path dir) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }

      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one terraform command and asserts it succeeded. */
  public static TerraformCli.Result run(TerraformCli cli, Path dir, String... args) {
    TerraformCli.Result result =
        cli.capture(dir, List.of(args), Map.of("TF_CLI_CONFIG_FILE", "/dev/null"));
    assertThat(result.exitCode())
        .as("terraform %s: %s", String.join(" ", args), result.stderr())
        .isZero();
    return result;
  }

  /** init, then apply in {@code workspace} ("default" or a new one). */
  public static void apply(TerraformCli cli, Path dir, String workspace, String... extraArgs) {
    run(cli, dir, "init", "-input=false", "-no-color");
    if (!workspace.equals("default")) {
      run(cli, dir, "workspace", "select", "-or-create=true", workspace);
    }

    String[] args =
        Stream.concat(
                Stream.of("apply", "-auto-approve", "-input=false", "-no-color"),
                Stream.of(extraArgs))
            .toArray(String[]::new);
    run(cli, dir, args);
  }
}

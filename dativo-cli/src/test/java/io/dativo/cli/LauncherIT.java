package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dativo} launcher as users start it: the JVM it picks, its class archive, and a quick
 * start with nothing on stderr.
 */
class LauncherIT {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path TARGET = REPO.resolve("dativo-cli").resolve("target");

  /** What one launcher command printed, and how it ended. */
  record Launch(int exitCode, String out, String err) {}

  static Launch launch(Path javaHome, Path warehouse, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(warehouse.getParent(), "out", ".txt");
    Path err = Files.createTempFile(warehouse.getParent(), "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.concat(Stream.of(REPO.resolve("dativo").toString()), Stream.of(args))
                    .toList())
            .directory(REPO.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("DATIVO_CDS", "sync"); // the archive first, then the command with it
    builder.environment().remove("DATIVO_JAVA_OPTS");
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
    return new Launch(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * Runs the README's quick start on {@code javaHome}'s JVM and checks what a user would see;
   * returns the names of the archives the launcher keeps next to the jar (for the caller to check
   * its kind).
   */
  static List<String> quickStartRunsCleanly(Path javaHome, Path temp)
      throws IOException, InterruptedException {
    Path warehouse = temp.resolve("warehouse");
    Launch run =
        launch(
            javaHome,
            warehouse,
            "run",
            "--config",
            "examples/jobs/acme/csv_orders.yaml",
            "--local-warehouse",
            warehouse.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3,000 read, 3,000 written, 0 rejected");
    // No JVM warnings (native access, sun.misc.Unsafe, an archive it could not map) reach users.
    assertThat(run.err())
        .doesNotContain("WARNING")
        .doesNotContain("[warning]")
        .doesNotContain("[error");
    List<String> archives;
    try (Stream<Path> files = Files.list(TARGET)) {
      archives =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("dativo-") && (n.endsWith(".jsa") || n.endsWith(".aot")))
              .toList();
    }

    Launch version = launch(javaHome, warehouse, "--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out())
        .as("the launcher runs $JAVA_HOME's java")
        .contains("Java " + javaVersion(javaHome));
    return archives;
  }

  /** The JDK's version as its release file gives it (e.g. 25.0.3). */
  static String javaVersion(Path javaHome) throws IOException {
    return Files.readAllLines(javaHome.resolve("release")).stream()
        .filter(l -> l.startsWith("JAVA_VERSION="))
        .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theQuickStartRunsOnTheBuildsJavaWithItsArchive(@TempDir Path temp) throws Exception {
    // A class archive (.jsa) up to Java 24, an AOT cache (.aot) from Java 25.
    String archive = Runtime.version().feature() >= 25 ? ".aot" : ".jsa";
    assertThat(quickStartRunsCleanly(Path.of(System.getProperty("java.home")), temp))
        .as("the launcher's archive in %s", TARGET)
        .anyMatch(name -> name.endsWith(archive));
  }
}

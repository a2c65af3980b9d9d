package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
  void theJarIsRebuiltWhenAPomOrAModulesMainSourcesChangeAndOnlyThen(@TempDir Path temp)
      throws Exception {
    // A checkout of the launcher alone: its jar a stand-in, Maven a script that records the build.
    Path root = Files.createDirectories(temp.resolve("checkout"));
    Files.copy(REPO.resolve("dativo"), root.resolve("dativo"));
    Path jar = root.resolve("dativo-cli/target/dativo.jar");
    Path built = temp.resolve("built.txt");
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.writeString(
        bin.resolve("mvn"), "#!/bin/sh\necho built >> '" + built + "'\ntouch '" + jar + "'\n");
    bin.resolve("mvn").toFile().setExecutable(true);
    FileTime old = at("2026-01-01T00:00:00Z");
    List<Path> inputs =
        List.of(
            root.resolve("pom.xml"),
            root.resolve("dativo-core/pom.xml"),
            root.resolve("dativo-core/src/main/java/io/dativo/A.java"),
            root.resolve("dativo-cli/src/main/resources/logging.properties"));
    List<Path> others =
        List.of(
            root.resolve("dativo-core/src/test/java/io/dativo/ATest.java"),
            root.resolve("bench/csv-ingest/.work/venv/lib/site.py"),
            root.resolve("docs/cli.md"),
            root.resolve(".git/objects/ab/cdef"));
    for (Path file :
        Stream.concat(Stream.concat(inputs.stream(), others.stream()), Stream.of(jar)).toList()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
      Files.setLastModifiedTime(file, old);
    }

    FileTime jarTime = at("2026-02-01T00:00:00Z");
    FileTime later = at("2026-03-01T00:00:00Z");
    Files.setLastModifiedTime(jar, jarTime);
    for (Path other : others) {
      Files.setLastModifiedTime(other, later); // tests, benchmark data, docs, git: no rebuild
    }

    launchVersion(root, bin);
    assertThat(built).doesNotExist();

    for (Path input : inputs) {
      Files.setLastModifiedTime(jar, jarTime);
      Files.setLastModifiedTime(input, later);
      launchVersion(root, bin);
      Files.setLastModifiedTime(input, old);
    }

    assertThat(Files.readAllLines(built)).as("one build per changed input").hasSize(inputs.size());
  }

  private static FileTime at(String instant) {
    return FileTime.from(java.time.Instant.parse(instant));
  }

  /**
   * {@code ./dativo --version} in {@code root}, Maven from {@code bin}; the outcome is not asked.
   */
  private static void launchVersion(Path root, Path bin) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("dativo").toString(), "--version")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("DATIVO_CDS", "off");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
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

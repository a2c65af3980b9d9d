package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.testing.MissingTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on Java 25+: an AOT cache instead of the class archive, and none of the warnings
 * newer JVMs print for native libraries and sun.misc.Unsafe. Needs a JDK 25 or later: {@code
 * DATIVO_TEST_JAVA25_HOME}, or one under /usr/lib/jvm.
 */
class LauncherJava25IT {
  @TempDir Path temp;

  @Test
  void theQuickStartRunsOnJava25WithAnAotCacheAndNoWarnings() throws Exception {
    Optional<Path> jdk = java25Home();
    MissingTool.skipUnless(
        jdk.isPresent(),
        "no JDK 25 or later (set DATIVO_TEST_JAVA25_HOME, or install one under /usr/lib/jvm)");
    assertThat(LauncherIT.quickStartRunsCleanly(jdk.orElseThrow(), temp))
        .as("an AOT cache next to the jar")
        .anyMatch(name -> name.endsWith(".aot"));
  }

  static Optional<Path> java25Home() throws IOException {
    String configured = System.getenv("DATIVO_TEST_JAVA25_HOME");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(LauncherJava25IT::isJava25OrLater);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(LauncherJava25IT::isJava25OrLater)
          .max(Comparator.comparing(Path::toString));
    }
  }

  static boolean isJava25OrLater(Path home) {
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))
        || !Files.isRegularFile(home.resolve("release"))) {
      return false;
    }
    try {
      String version = LauncherIT.javaVersion(home);
      int feature = Integer.parseInt(version.split("[.+-]")[0]);
      return feature >= 25;
    } catch (IOException | RuntimeException e) {
      return false; // not a JDK this test can use
    }
  }
}

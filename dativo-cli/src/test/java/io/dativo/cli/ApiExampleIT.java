package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The documented JVM API example runs against the built jar, as the docs say to run it. */
class ApiExampleIT {
  @Test
  void theApiExampleRuns() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                "dativo-cli/target/dativo.jar",
                "examples/java/InfrastructureApiExample.java")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("infrastructure.cost_center = DATA-001")
        .contains("infrastructure.provider = aws");
  }
}

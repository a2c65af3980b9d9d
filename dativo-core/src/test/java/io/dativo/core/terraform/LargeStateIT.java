package io.dativo.core.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB state is read in a JVM with a 48 MB heap: the parser streams past the resources, so the
 * state never has to fit in memory.
 */
class LargeStateIT {
  private static final int MAX_HEAP_MB = 48;

  @TempDir Path dir;

  @Test
  void aHundredMegabyteStateReadsInAFortyEightMegabyteHeap() throws Exception {
    Path state = dir.resolve("terraform.tfstate");
    writeState(state, 100L * 1024 * 1024);
    assertThat(Files.size(state)).isGreaterThan(100L * 1024 * 1024);

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + MAX_HEAP_MB + "m",
                "-cp",
                System.getProperty("java.class.path"),
                ReadState.class.getName(),
                state.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("outputs=[bucket, role_arn]");
  }

  private static void writeState(Path file, long bytes) throws IOException {
    String resource =
        "{\"mode\":\"managed\",\"type\":\"terraform_data\",\"name\":\"r\",\"instances\":[{\"attributes\":{\"input\":\""
            + "x".repeat(4000)
            + "\"}}]}";
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write(
          "{\"version\":4,\"terraform_version\":\"1.11.4\",\"serial\":1,\"lineage\":\"l\",\"resources\":[");
      long written = 0;
      boolean first = true;
      while (written < bytes) {
        if (!first) {
          out.write(',');
        }

        out.write(resource);
        written += resource.length() + 1;
        first = false;
      }

      // Outputs after the resources: the parser must stream past all of them.
      out.write(
          "],\"outputs\":{\"bucket\":{\"value\":\"acme-lake\",\"type\":\"string\"},\"role_arn\":{\"value\":\"arn\",\"type\":\"string\"}}}");
    }
  }

  /** Runs in the small-heap child JVM. */
  public static final class ReadState {
    public static void main(String[] args) throws IOException {
      try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
        TerraformOutputs outputs = StateParser.parseState(in, args[0], "default");
        System.out.println("outputs=" + List.copyOf(outputs.names()));
      }
    }
  }
}

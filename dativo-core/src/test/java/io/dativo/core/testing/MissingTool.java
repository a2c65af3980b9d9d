package io.dativo.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips an integration test whose tool is missing, and records why in {@code
 * target/skipped-integration-suites.txt}, so {@code .ci/run} can say which suites were skipped and
 * for which tool (the test reports of a class skipped in {@code @BeforeAll} carry no reason).
 */
public final class MissingTool {
  static final Path RECORD = Path.of("target", "skipped-integration-suites.txt");

  private MissingTool() {}

  public static void skipUnless(boolean present, String message) {
    if (!present) {
      String suite =
          StackWalker.getInstance()
              .walk(
                  frames ->
                      frames
                          .map(StackWalker.StackFrame::getClassName)
                          .filter(c -> c.endsWith("IT"))
                          .findFirst()
                          .orElse("unknown suite"));
      try {
        Files.createDirectories(RECORD.getParent());
        Files.writeString(
            RECORD,
            suite + ": " + message + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        // the skip itself still happens
      }
    }

    Assumptions.assumeTrue(present, message);
  }
}

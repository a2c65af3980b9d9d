package io.dativo.core.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes metrics in Prometheus's text exposition format to a file (for node_exporter's textfile
 * collector or a sidecar): names with {@code _}, a unit suffix, labels from the dimensions. The
 * file is replaced atomically. No sample timestamps: node_exporter's textfile collector refuses
 * them.
 */
public final class PrometheusFileSink implements MetricsSink {
  private final Path file;

  public PrometheusFileSink(Path file) {
    this.file = file;
  }

  @Override
  public void publish(List<Metric> metrics) {
    String text = PrometheusText.render(metrics);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }

      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, text);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

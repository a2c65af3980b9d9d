package io.dativo.core.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes metrics in Prometheus's text exposition format to a file (for node_exporter's textfile
 * collector or a sidecar): names with {@code _}, a unit suffix, labels from the dimensions. The
 * file is replaced atomically.
 */
public final class PrometheusFileSink implements MetricsSink {
  private final Path file;

  public PrometheusFileSink(Path file) {
    this.file = file;
  }

  @Override
  public void publish(List<Metric> metrics) {
    StringBuilder text = new StringBuilder();
    for (Metric metric : metrics) {
      String name = name(metric);
      text.append("# TYPE ")
          .append(name)
          .append(' ')
          .append(metric.unit() == Metric.Unit.SECONDS ? "gauge" : "counter")
          .append('\n');
      text.append(name)
          .append(labels(metric.dimensions()))
          .append(' ')
          .append(format(metric.value()))
          .append(' ')
          .append(metric.at().toEpochMilli())
          .append('\n');
    }

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

  static String name(Metric metric) {
    String base = metric.name().replaceAll("[^a-zA-Z0-9_]", "_");
    return switch (metric.unit()) {
      case SECONDS -> base.endsWith("_duration") ? base + "_seconds" : base;
      case BYTES -> base.endsWith("_bytes") || base.contains("bytes") ? base : base + "_bytes";
      case COUNT -> base + "_total";
    };
  }

  private static String labels(Map<String, String> dimensions) {
    if (dimensions.isEmpty()) {
      return "";
    }

    return new TreeMap<>(dimensions)
        .entrySet().stream()
            .map(
                e ->
                    e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_")
                        + "=\""
                        + e.getValue()
                            .replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n")
                        + "\"")
            .collect(Collectors.joining(",", "{", "}"));
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}

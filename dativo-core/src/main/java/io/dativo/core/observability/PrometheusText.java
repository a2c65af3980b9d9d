package io.dativo.core.observability;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prometheus's text exposition format (version 0.0.4): one {@code # TYPE} line per metric family,
 * then its samples; names with {@code _} and a unit suffix, labels from the dimensions.
 */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  public static String render(Collection<Metric> metrics) {
    Map<String, List<Metric>> families = new LinkedHashMap<>();
    for (Metric metric : metrics) {
      families.computeIfAbsent(name(metric), n -> new java.util.ArrayList<>()).add(metric);
    }

    StringBuilder text = new StringBuilder();
    families.forEach(
        (name, samples) -> {
          text.append("# TYPE ")
              .append(name)
              .append(' ')
              .append(samples.get(0).unit() == Metric.Unit.SECONDS ? "gauge" : "counter")
              .append('\n');
          for (Metric sample : samples) {
            text.append(name)
                .append(labels(sample.dimensions()))
                .append(' ')
                .append(format(sample.value()))
                .append('\n');
          }
        });
    return text.toString();
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

package io.dativo.core.observability;

import java.time.Instant;
import java.util.Map;

/** One measurement: a name from {@link MetricNames}, a value and unit, dimensions, a time. */
public record Metric(
    String name, double value, Unit unit, Map<String, String> dimensions, Instant at) {

  /** What the value counts. */
  public enum Unit {
    COUNT,
    BYTES,
    SECONDS
  }

  public Metric {
    dimensions = Map.copyOf(dimensions);
  }
}

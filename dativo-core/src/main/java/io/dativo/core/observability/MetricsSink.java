package io.dativo.core.observability;

import java.util.List;

/** Where metrics go. A sink that fails must not fail the job: callers use {@link #safely}. */
@FunctionalInterface
public interface MetricsSink {
  MetricsSink NONE = metrics -> {};

  void publish(List<Metric> metrics);

  /** This sink, with failures reported to {@code onFailure} instead of thrown. */
  default MetricsSink safely(java.util.function.Consumer<String> onFailure) {
    MetricsSink sink = this;
    return metrics -> {
      try {
        sink.publish(metrics);
      } catch (RuntimeException e) {
        onFailure.accept("metrics not published: " + e.getMessage());
      }
    };
  }

  /** Every sink in turn; one failing does not stop the others. */
  static MetricsSink all(List<MetricsSink> sinks, java.util.function.Consumer<String> onFailure) {
    List<MetricsSink> safe = sinks.stream().map(s -> s.safely(onFailure)).toList();
    return metrics -> safe.forEach(s -> s.publish(metrics));
  }
}

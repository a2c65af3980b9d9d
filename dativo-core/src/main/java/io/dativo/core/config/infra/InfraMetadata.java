package io.dativo.core.config.infra;

import java.util.Map;

/**
 * {@code infrastructure.metadata}: free-form values (seed 002, e.g. {@code deployment_id}) and the
 * structured seed 000 entries {@code labels}, {@code annotations} and {@code variables}.
 */
public record InfraMetadata(
    Map<String, Object> values,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, Object> variables) {

  public static final InfraMetadata NONE =
      new InfraMetadata(Map.of(), Map.of(), Map.of(), Map.of());

  public InfraMetadata {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
  }
}

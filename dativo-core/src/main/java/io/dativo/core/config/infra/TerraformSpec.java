package io.dativo.core.config.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code infrastructure.terraform} in either seed shape: seed 002's {@code module_path} and output
 * mapping, seed 000's {@code module_source} and {@code version}; outputs also come from seed 000's
 * {@code infrastructure.outputs}.
 */
public record TerraformSpec(
    Optional<Path> modulePath,
    Optional<String> moduleSource,
    Optional<String> version,
    Optional<String> workspace,
    Optional<BackendSpec> backend,
    Map<String, Object> variables,
    List<OutputMapping> outputs) {

  public TerraformSpec {
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    outputs = List.copyOf(outputs);
  }
}

package io.dativo.core.config.infra;

import java.util.Map;
import java.util.Optional;

/** {@code terraform.backend}: the backend type and its settings, as Terraform names them. */
public record BackendSpec(String type, Map<String, Object> settings) {

  public BackendSpec {
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key)).map(Object::toString);
  }
}

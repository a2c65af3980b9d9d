package io.dativo.core.tags.rules;

import java.util.Optional;

/**
 * Kubernetes annotations: the same {@code dativo.io/<name>} keys as the labels, with the full,
 * unchanged values (annotations allow any text).
 */
public final class KubernetesAnnotationRules extends KeyValueRules {

  @Override
  public String id() {
    return "k8s-annotations";
  }

  @Override
  int maxTags() {
    return Integer.MAX_VALUE;
  }

  @Override
  String key(String tagKey, Changes changes) {
    return KubernetesLabelRules.labelKey(tagKey, changes);
  }

  @Override
  String value(String value, Changes changes) {
    return value;
  }

  @Override
  Optional<String> reserved(String renderedKey) {
    return Optional.empty();
  }
}

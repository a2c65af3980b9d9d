package io.dativo.core.tags.rules;

import io.dativo.core.config.OverflowPolicy;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.TagSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rendering target by its {@code --for} id. */
public final class TagRenderers {
  /** The ids {@code dativo infra tags --for} accepts; {@code resource} is the unrendered set. */
  public static final List<String> TARGETS =
      List.of(
          "resource", "aws", "gcp", "azure", "k8s", "k8s-annotations", "unity", "glue", "iceberg");

  private static final Map<String, TagRules> KEY_VALUE = keyValueRules();

  private TagRenderers() {}

  public static Optional<TagRules> keyValue(String target) {
    return Optional.ofNullable(KEY_VALUE.get(target));
  }

  /** Renders the tag set for {@code target}; throws {@link TagRenderException} when it cannot. */
  public static Rendering render(
      String target, TagInputs inputs, TagSet tags, OverflowPolicy overflow) {
    return switch (target) {
      case "resource" -> resource(tags);
      case "iceberg" -> IcebergPropertyRules.render(inputs, tags);
      case "glue" -> GlueParameterRules.render(IcebergPropertyRules.render(inputs, tags));
      default -> {
        TagRules rules = KEY_VALUE.get(target);
        if (rules == null) {
          throw new IllegalArgumentException("Unknown tag target: " + target);
        }

        yield rules.render(tags, overflow);
      }
    };
  }

  private static Rendering resource(TagSet tags) {
    Map<String, String> sources = new LinkedHashMap<>();
    tags.forEach(t -> sources.put(t.key(), t.key()));
    return new Rendering("resource", tags.values(), sources, List.of());
  }

  private static Map<String, TagRules> keyValueRules() {
    Map<String, TagRules> rules = new LinkedHashMap<>();
    for (TagRules r :
        List.of(
            new AwsTagRules(),
            new GcpLabelRules(),
            new AzureTagRules(),
            new KubernetesLabelRules(),
            new KubernetesAnnotationRules(),
            new UnityCatalogTagRules())) {
      rules.put(r.id(), r);
    }

    return java.util.Collections.unmodifiableMap(rules);
  }
}

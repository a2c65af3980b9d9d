package io.dativo.core.tags.rules;

import io.dativo.core.config.OverflowPolicy;
import io.dativo.core.tags.TagSet;

/**
 * Renders a tag set for one place that holds tags (a cloud's resource tags, Kubernetes labels, a
 * catalog). Pure: the same tags always render the same way. Lossy changes are reported in the
 * {@link Rendering}; what cannot be rendered at all is a {@link TagRenderException}.
 */
public interface TagRules {

  /** The id used by {@code --for}: aws, gcp, azure, k8s, unity, glue, iceberg. */
  String id();

  Rendering render(TagSet tags, OverflowPolicy overflow);
}

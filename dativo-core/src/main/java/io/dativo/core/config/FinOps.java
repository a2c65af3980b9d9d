package io.dativo.core.config;

import java.util.List;
import java.util.Optional;

/**
 * A {@code finops} section, of a job or of an asset. {@code path} is the section's dotted path in
 * its file (for tag provenance).
 */
public record FinOps(
    Optional<String> costCenter,
    Optional<String> project,
    Optional<String> businessUnit,
    List<String> businessTags,
    Optional<String> environment,
    String path) {

  public static final FinOps NONE =
      new FinOps(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          "finops");

  public FinOps {
    businessTags = List.copyOf(businessTags);
  }

  public boolean isEmpty() {
    return costCenter.isEmpty()
        && project.isEmpty()
        && businessUnit.isEmpty()
        && businessTags.isEmpty()
        && environment.isEmpty();
  }

  /** Binds a {@code finops} section; unknown keys are problems. */
  public static FinOps bind(Section section) {
    section.rejectUnknownKeys(ConfigKeys.FINOPS);
    return new FinOps(
        section.string("cost_center"),
        section.string("project"),
        section.string("business_unit"),
        section.stringList("business_tags"),
        section.string("environment"),
        section.map().path());
  }
}

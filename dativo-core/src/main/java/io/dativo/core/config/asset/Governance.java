package io.dativo.core.config.asset;

import java.util.List;
import java.util.Optional;

/** The {@code governance} extension section of an asset (legacy assets keep most facts here). */
public record Governance(
    Optional<String> owner,
    Optional<String> steward,
    List<String> tags,
    List<String> classification,
    Optional<Long> retentionDays,
    List<String> regulations,
    Optional<String> costCenter,
    Optional<String> domain,
    Optional<String> dataProduct,
    String path) {

  public static final Governance NONE =
      new Governance(
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "governance");

  public Governance {
    tags = List.copyOf(tags);
    classification = List.copyOf(classification);
    regulations = List.copyOf(regulations);
  }
}

package io.dativo.core.config;

import java.util.List;
import java.util.Optional;

/**
 * A job's {@code governance_overrides}: they win over the asset. An empty {@code owner} removes the
 * owner.
 */
public record GovernanceOverrides(
    Optional<String> owner,
    Optional<String> domain,
    Optional<String> dataProduct,
    List<String> regulations,
    Optional<Long> retentionDays) {

  public static final GovernanceOverrides NONE =
      new GovernanceOverrides(
          Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

  public GovernanceOverrides {
    regulations = List.copyOf(regulations);
  }
}

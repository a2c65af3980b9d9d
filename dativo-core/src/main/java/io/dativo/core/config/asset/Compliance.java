package io.dativo.core.config.asset;

import java.util.List;
import java.util.Optional;

/** The {@code compliance} extension section of an asset. */
public record Compliance(
    List<String> classification,
    List<String> regulations,
    Optional<Long> retentionDays,
    Optional<Boolean> encryptionRequired,
    Optional<Boolean> userConsentRequired,
    String path) {

  public static final Compliance NONE =
      new Compliance(
          List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), "compliance");

  public Compliance {
    classification = List.copyOf(classification);
    regulations = List.copyOf(regulations);
  }
}

package io.dativo.core.config.asset;

import java.util.List;
import java.util.Optional;

/** The {@code target} extension of an asset: how its table is laid out. */
public record AssetTarget(
    Optional<String> fileFormat, List<String> partitioning, Optional<String> mode) {
  public static final AssetTarget NONE =
      new AssetTarget(Optional.empty(), List.of(), Optional.empty());

  public AssetTarget {
    partitioning = List.copyOf(partitioning);
  }
}

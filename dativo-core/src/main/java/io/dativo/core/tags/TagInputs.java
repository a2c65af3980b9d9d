package io.dativo.core.tags;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.asset.AssetDefinition;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a tag set is computed from. The clock is an input ({@code LastModified}), so the same
 * inputs always give the same tags; the CLI takes it from {@code SOURCE_DATE_EPOCH} when set.
 */
public record TagInputs(
    JobConfig job, Optional<AssetDefinition> asset, Instant now, Optional<Instant> createdAt) {

  public static TagInputs of(JobConfig job, Optional<AssetDefinition> asset, Instant now) {
    return new TagInputs(job, asset, now, Optional.empty());
  }
}

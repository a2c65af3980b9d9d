package io.dativo.core.cloud;

import java.util.Optional;

/** A cloud resource a job uses: its type (s3_bucket, iam_role, ...), id, and where it came from. */
public record ResourceRef(String type, String id, Optional<String> region, String source) {}

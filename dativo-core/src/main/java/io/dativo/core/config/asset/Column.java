package io.dativo.core.config.asset;

import io.dativo.core.config.yaml.Location;
import java.util.Optional;

/** A column (ODCS property) of an asset's schema. */
public record Column(
    String name,
    LogicalType type,
    String declaredType,
    Optional<String> physicalType,
    boolean required,
    boolean primaryKey,
    Optional<Long> primaryKeyPosition,
    Optional<String> classification,
    Optional<String> description,
    Location location) {}

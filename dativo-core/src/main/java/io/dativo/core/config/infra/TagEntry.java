package io.dativo.core.config.infra;

import io.dativo.core.config.yaml.Location;

/**
 * One tag as declared in the infrastructure block, with where it was written (for provenance).
 * Lists ({@code compliance: [SOC2, GDPR]}) are comma-joined in {@code value}.
 */
public record TagEntry(String key, String value, String path, Location location) {}

package io.dativo.core.config.asset;

import java.util.Optional;

/** An ODCS {@code slaProperties} entry, e.g. {@code {property: retention, value: 3, unit: y}}. */
public record SlaProperty(
    String property, String value, Optional<String> unit, Optional<String> element) {}

package io.dativo.core.tags.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS Glue table parameters: the Iceberg table properties, which Iceberg's Glue catalog copies
 * there. Keys up to 255 characters, values up to 512,000; the keys Iceberg itself owns ({@code
 * table_type}, {@code metadata_location}, {@code previous_metadata_location}) are never written.
 */
public final class GlueParameterRules {
  static final int MAX_KEY_LENGTH = 255;
  static final int MAX_VALUE_LENGTH = 512_000;
  static final Set<String> RESERVED =
      Set.of("table_type", "metadata_location", "previous_metadata_location");

  private GlueParameterRules() {}

  public static Rendering render(Rendering iceberg) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<Adjustment> adjustments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    iceberg
        .values()
        .forEach(
            (key, value) -> {
              if (RESERVED.contains(key)) {
                problems.add("'" + key + "' is reserved by Iceberg's Glue catalog");
                return;
              }

              if (key.length() > MAX_KEY_LENGTH) {
                problems.add(
                    "parameter key '" + key + "' is longer than " + MAX_KEY_LENGTH + " characters");
                return;
              }

              KeyValueRules.Changes changes = new KeyValueRules.Changes();
              String clipped = KeyValueRules.clip(value, MAX_VALUE_LENGTH, changes, "value");
              if (!changes.isEmpty()) {
                adjustments.add(
                    new Adjustment(
                        key, Adjustment.Kind.VALUE_CHANGED, value, clipped, changes.joined()));
              }

              values.put(key, clipped);
              sources.put(key, iceberg.sources().get(key));
            });
    if (!problems.isEmpty()) {
      throw new TagRenderException("glue", problems, "rename the tags these properties come from");
    }

    return new Rendering("glue", values, sources, adjustments);
  }
}

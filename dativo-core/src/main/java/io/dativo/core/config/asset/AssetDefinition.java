package io.dativo.core.config.asset;

import io.dativo.core.config.FinOps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An asset: an ODCS 3.0.x/3.1.x data contract with Dativo's extension sections ({@code team},
 * {@code compliance}, {@code finops}, {@code governance}, {@code target}), or the older {@code
 * asset:}-wrapped form. Both load into this one model.
 */
public record AssetDefinition(
    Path file,
    Format format,
    Optional<String> apiVersion,
    Optional<String> id,
    String name,
    Optional<String> version,
    Optional<String> status,
    Optional<String> tenant,
    Optional<String> domain,
    Optional<String> dataProduct,
    Optional<String> sourceType,
    Optional<String> object,
    List<SchemaObject> schema,
    Team team,
    Compliance compliance,
    FinOps finops,
    Governance governance,
    List<String> tags,
    Map<String, Object> customProperties,
    List<SlaProperty> slaProperties,
    AssetTarget target) {

  /** The file layout an asset was written in. */
  public enum Format {
    ODCS,
    LEGACY
  }

  public AssetDefinition {
    schema = List.copyOf(schema);
    tags = List.copyOf(tags);
    customProperties =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customProperties));
    slaProperties = List.copyOf(slaProperties);
  }

  /** Every column of every schema object, in order. */
  public List<Column> columns() {
    return schema.stream().flatMap(o -> o.columns().stream()).toList();
  }

  /**
   * {@code team.owner}, else the team member whose role is owner, else {@code governance.owner}.
   */
  public Optional<String> owner() {
    return team.owner()
        .or(
            () ->
                team.members().stream()
                    .filter(
                        m ->
                            m.role()
                                .map(r -> r.toLowerCase(java.util.Locale.ROOT).contains("owner"))
                                .orElse(false))
                    .map(Team.Member::username)
                    .findFirst())
        .or(governance::owner);
  }
}

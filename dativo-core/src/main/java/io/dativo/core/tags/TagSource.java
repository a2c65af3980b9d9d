package io.dativo.core.tags;

/**
 * Where a tag value came from, in precedence order: a later source overrides an earlier one. The
 * order between {@link #INFRASTRUCTURE} and {@link #JOB_OVERRIDE} is seed 002's ("Tag Precedence");
 * identity and system tags are reserved and cannot be overridden by any user source.
 */
public enum TagSource {
  /** The job's identity: tenant, environment, connectors, asset. Reserved. */
  IDENTITY("job"),
  /** {@code infrastructure.tags}, {@code metadata.tags} and the infrastructure's own facts. */
  INFRASTRUCTURE("infrastructure"),
  /** The asset's ODCS metadata: domain, data product, owner, status, tags. */
  ASSET_METADATA("asset"),
  /** ODCS {@code customProperties} naming FinOps keys (cost_center, project, business_unit). */
  ASSET_CUSTOM_PROPERTIES("asset customProperties"),
  /** The asset's {@code finops} section. */
  ASSET_FINOPS("asset finops"),
  /** The job's {@code finops} section. */
  JOB_FINOPS("job finops"),
  /** The asset's {@code compliance} section, ODCS retention SLA and compliance customProperties. */
  ASSET_COMPLIANCE("asset compliance"),
  /** The job's {@code classification_overrides} and {@code governance_overrides}. */
  JOB_OVERRIDE("job overrides"),
  /** Set by Dativo: ManagedBy, LastModified, CreatedAt. Reserved. */
  SYSTEM("dativo");

  private final String label;

  TagSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isReserved() {
    return this == IDENTITY || this == SYSTEM;
  }
}

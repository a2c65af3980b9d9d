package io.dativo.core.config;

/** What a run does with a row that does not fit the asset's schema. */
public enum SchemaValidationMode {
  /** The run fails at the first bad row, naming its row number and column. */
  STRICT,
  /** Bad rows are counted, reported and written to a rejects file. */
  WARN;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

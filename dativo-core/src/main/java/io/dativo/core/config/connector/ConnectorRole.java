package io.dativo.core.config.connector;

/** Whether a connector reads (source) or writes (target). */
public enum ConnectorRole {
  SOURCE,
  TARGET;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

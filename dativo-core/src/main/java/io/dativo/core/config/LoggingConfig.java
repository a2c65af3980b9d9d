package io.dativo.core.config;

/** A job's {@code logging} section. */
public record LoggingConfig(String level, boolean redaction, String format) {
  public static final LoggingConfig DEFAULT = new LoggingConfig("INFO", true, "text");
}

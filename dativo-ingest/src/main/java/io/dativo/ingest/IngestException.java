package io.dativo.ingest;

import io.dativo.core.DativoException;

/** A run that cannot go on: a bad row in strict mode, an unreadable source, a refused commit. */
public final class IngestException extends DativoException {
  private final Kind kind;

  /** Who must act: the user (data or config) or the external service. */
  public enum Kind {
    /** The job's settings are wrong (exit 2). */
    CONFIG,
    /** Rows do not fit the schema in strict mode (exit 3). */
    DATA,
    /** A database, catalog or storage failed (exit 5). */
    EXTERNAL,
    /** Asked for something this version does not have (exit 2). */
    NOT_AVAILABLE
  }

  public IngestException(Kind kind, String message, String hint, Throwable cause) {
    super(message, hint, cause);
    this.kind = kind;
  }

  public IngestException(Kind kind, String message, String hint) {
    this(kind, message, hint, null);
  }

  public Kind kind() {
    return kind;
  }
}

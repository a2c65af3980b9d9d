package io.dativo.core;

import java.util.Optional;

/**
 * An error the user can fix: bad input, a missing tool, a refused request. The CLI maps each
 * subclass to an exit code and prints the message (and hint) without a stack trace.
 */
public abstract class DativoException extends RuntimeException {
  private final String hint;

  protected DativoException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  protected DativoException(String message, String hint) {
    this(message, hint, null);
  }

  /** What the user can do about it, when we know. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}

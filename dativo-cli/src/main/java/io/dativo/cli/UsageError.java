package io.dativo.cli;

import io.dativo.core.DativoException;

/** A command used with a value it cannot take (exit 2), found after picocli parsed the line. */
final class UsageError extends DativoException {
  UsageError(String message, String hint) {
    super(message, hint);
  }
}
